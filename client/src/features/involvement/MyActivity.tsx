import { activityKindLabels, type Activity, type PaymentChoice } from '../../../../shared/contracts/involvement';
import { FormWithSummary } from '../../components/FormWithSummary';
import { formText } from '../../components/formText';
import { RadioField } from '../../components/RadioField';
import { StatusMessage } from '../../components/StatusMessage';
import { useSubmitForm } from '../../components/useSubmitForm';
import { TextArea } from '../clips/TextArea';
import { answerActivity } from './involvementApi';
import { choiceOptions, choiceWords, dateWords, durationWords, statusWords } from './involvementWords';

interface MyActivityProps {
  activity: Activity;
  myId: string;
  onAnswered(activity: Activity): void;
  onError(hasError: boolean): void;
}

/** One activity the person took part in: what was recorded, and their own answer and choice. */
export function MyActivity({ activity, myId, onAnswered, onError }: MyActivityProps) {
  const me = activity.participants.find((p) => p.userId === myId);
  const base = `activity-${activity.id}`;
  const ids = { answer: `${base}-answer`, note: `${base}-note`, choice: `${base}-choice` };
  const form = useSubmitForm(
    { answer: `${ids.answer}-confirmed`, note: ids.note, choice: `${ids.choice}-paid` },
    {
      read: (el) => ({
        answer: formText(el, 'answer'),
        note: formText(el, 'note').trim(),
        choice: formText(el, 'choice'),
      }),
      check: ({ answer, note, choice }) => {
        const fields = [];
        if (answer === '') fields.push({ path: 'answer', message: 'Say whether this is right' });
        if (answer === 'disputed' && note === '')
          fields.push({ path: 'note', message: 'Say what is wrong, so it can be put right' });
        if (answer === 'confirmed' && choice === '')
          fields.push({ path: 'choice', message: 'Choose how you want to be thanked' });
        return fields;
      },
      send: async ({ answer, note, choice }) =>
        onAnswered(
          await answerActivity(activity.id, {
            answer: answer as 'confirmed' | 'disputed',
            ...(note ? { note } : {}),
            ...(choice ? { choice: choice as PaymentChoice } : {}),
          }),
        ),
      doneMessage: 'Thank you. Your answer is saved.',
      onError,
    },
  );
  if (!me) return null;
  const headingId = `${base}-heading`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 className="heading-m" id={headingId}>
        {activity.title}
      </h3>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt className="summary-list__key">What</dt>
          <dd className="summary-list__value">{activityKindLabels[activity.kind]}</dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key">When</dt>
          <dd className="summary-list__value">{dateWords(activity.occurredOn)}</dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key">How long</dt>
          <dd className="summary-list__value">{durationWords(activity.durationMinutes)}</dd>
        </div>
        <div className="summary-list__row">
          <dt className="summary-list__key">Your answer</dt>
          <dd className="summary-list__value">
            {statusWords[me.status]}
            {me.choice ? ` · ${choiceWords[me.choice]}` : ''}
            {me.choice === 'talk_first' ? ' · we will be in touch before anything is paid' : ''}
          </dd>
        </div>
      </dl>
      <FormWithSummary form={form} submit="Save my answer">
        <RadioField
          idBase={ids.answer}
          name="answer"
          legend="Is this right?"
          error={form.problems.fieldError('answer')}
          defaultValue={me.status === 'pending' ? undefined : me.status}
          options={[
            { value: 'confirmed', label: 'Yes, this is right' },
            { value: 'disputed', label: 'Something is wrong', hint: 'Say what below.' },
          ]}
        />
        <TextArea
          id={ids.note}
          name="note"
          label="What is wrong? (only if something is)"
          error={form.problems.fieldError('note')}
          defaultValue={me.note ?? ''}
        />
        <RadioField
          idBase={ids.choice}
          name="choice"
          legend="How do you want to be thanked for this?"
          error={form.problems.fieldError('choice')}
          defaultValue={me.choice ?? undefined}
          options={choiceOptions}
          plainLabels
        />
      </FormWithSummary>
      <StatusMessage tone="success">{form.done}</StatusMessage>
    </section>
  );
}
