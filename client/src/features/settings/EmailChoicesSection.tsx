import {
  emailChoiceSchema,
  notificationKinds,
  type EmailPreferences,
  type NotificationKind,
} from '../../../../shared/contracts/notifications';
import { FormWithSummary } from '../../components/FormWithSummary';
import { formText } from '../../components/formText';
import { LabelledSection } from '../../components/LabelledSection';
import { RadioField, radioId } from '../../components/RadioField';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmitForm } from '../../components/useSubmitForm';
import { saveEmailPreferences } from '../notifications/notificationsApi';

/** What each kind of notification is about, in the words of the person who gets it. */
const kindWords: Record<NotificationKind, string> = {
  mention: 'When someone mentions you in a comment',
  reply: 'When someone answers your comment',
  review: 'When your recording has been checked',
  signoff_request: 'When you are asked to approve your parts in an episode or your quotes in an edition',
  render: 'When an episode has been made, or could not be made (for editors)',
  clip_published: 'When your recording is in an episode anyone can listen to',
  episode_flagged: 'When an episode needs your attention because of a change of consent (for editors)',
  edition_withdrawn: 'When a published edition is taken down because of a change of consent (for editors)',
  task_offer: 'When someone offers you a task you said you would like to try',
};

const choiceOptions = [
  { value: 'immediately', label: 'Email me straight away' },
  { value: 'daily', label: 'Once a day, in one email' },
  { value: 'off', label: 'No email (only in Chorus)' },
] as const;

const idBase = (kind: NotificationKind) => `email-${kind}`;
/** The error summary points at each question's first choice. */
const ids = Object.fromEntries(notificationKinds.map((k) => [k, radioId(idBase(k), choiceOptions[0].value)])) as Record<
  NotificationKind,
  string
>;

/** Each kind of notification: by email at once, in a daily email, or only in the app. */
export function EmailChoicesSection({ preferences }: { preferences: EmailPreferences }) {
  const form = useSubmitForm(ids, {
    read: (element) =>
      Object.fromEntries(
        notificationKinds.flatMap((k) => {
          const c = emailChoiceSchema.safeParse(formText(element, k));
          return c.success ? [[k, c.data]] : [];
        }),
      ),
    send: (email) => saveEmailPreferences({ email }),
    doneMessage: 'Your email choices are saved.',
  });

  return (
    <LabelledSection
      className="panel"
      headingId="email-choices-title"
      headingClass="heading-l"
      title="Emails from Chorus"
    >
      {preferences.emailAvailable ? (
        <p>Chorus shows every notification under “Notifications”. Choose which ones are also emailed to you.</p>
      ) : (
        <p>
          This Chorus cannot send emails yet, so you will see your notifications in Chorus only. Your choices here are
          kept for when it can.
        </p>
      )}
      <FormWithSummary form={form} submit="Save email choices">
        {notificationKinds.map((kind) => (
          <RadioField
            key={kind}
            name={kind}
            error={form.problems.fieldError(kind)}
            idBase={idBase(kind)}
            legend={kindWords[kind]}
            options={choiceOptions}
            defaultValue={preferences.email[kind]}
          />
        ))}
      </FormWithSummary>
      <StatusMessage tone="success">{form.done}</StatusMessage>
    </LabelledSection>
  );
}
