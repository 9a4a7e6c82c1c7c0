import { useRef, useState } from 'react';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { ConfirmStep } from '../../components/ConfirmStep';
import { ErrorSummary } from '../../components/ErrorSummary';
import { formText } from '../../components/formText';
import { LabelledSection } from '../../components/LabelledSection';
import { PasswordField } from '../../components/PasswordField';
import { RadioField } from '../../components/RadioField';
import { useSubmitForm } from '../../components/useSubmitForm';
import { deleteMyAccount } from './accountApi';

const ids = { withdrawRecordings: 'delete-recordings', password: 'delete-password' };

/** Where the person lands once their account is gone. */
export const accountDeletedPath = '/account/deleted';

/**
 * "Delete your account": a button, then the second step in plain words (docs/words.md): whether their
 * recordings are taken back too (yes to begin with), their password, and yes or no.
 */
export function DeleteMyAccount() {
  const { setUser } = useSession();
  const [confirming, setConfirming] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useSubmitForm(ids, {
    read: (element) => ({
      password: formText(element, 'password'),
      withdrawRecordings: (element.elements.namedItem('withdrawRecordings') as RadioNodeList).value !== 'no',
    }),
    send: async (body) => {
      const done = await deleteMyAccount(body);
      // To the confirmation first, so the account page never sees the signed-out state and sends them to sign in.
      navigate(`${accountDeletedPath}?withdrawn=${done.recordingsWithdrawn}&kept=${done.recordingsKept}`, {
        replace: true,
      });
      setUser(null);
    },
    closes: true,
  });

  return (
    <LabelledSection
      className="section"
      headingId="delete-account-title"
      headingClass="heading-l"
      title="Delete your account"
    >
      <p>
        If you delete your account you will not be able to sign in again, and your name is taken off everything in
        Chorus. What you wrote, such as comments, stays, but it will say “a former member” instead of your name.
      </p>
      {!confirming ? (
        <Button variant="warning" onClick={() => setConfirming(true)}>
          Delete your account
        </Button>
      ) : (
        <>
          <ErrorSummary items={form.problems.summary} />
          <form ref={formRef} onSubmit={form.onSubmit} noValidate>
            <RadioField
              idBase={ids.withdrawRecordings}
              name="withdrawRecordings"
              legend="Should your recordings be taken back too?"
              defaultValue="yes"
              plainLabels
              options={[
                {
                  value: 'yes',
                  label: 'Yes, take back my recordings',
                  hint: 'Their sound files and words are deleted. Episodes that use them will be taken down until they are made again without them.',
                },
                {
                  value: 'no',
                  label: 'No, leave my recordings',
                  hint: 'They stay in the project and can still be used as you agreed, but without your name.',
                },
              ]}
            />
            <PasswordField
              {...form.problems.field('password')}
              label="Your password"
              hint="To be sure it is you."
              autoComplete="current-password"
            />
            <ConfirmStep
              question="Are you sure you want to delete your account? This cannot be undone."
              yes="Yes, delete my account"
              no="No, keep my account"
              busy={form.busy}
              onYes={() => formRef.current?.requestSubmit()}
              onNo={() => setConfirming(false)}
            />
          </form>
        </>
      )}
    </LabelledSection>
  );
}
