import { signUp } from './authApi';
import { Page } from '../../app/Page';
import { Link } from '../../app/router';
import { withNext } from '../../app/safeNext';
import { useSession } from '../../app/session';
import { FormWithSummary } from '../../components/FormWithSummary';
import { useSubmitForm } from '../../components/useSubmitForm';
import { AccountFields, accountFieldIds } from './AccountFields';
import { readAccount } from './readAccount';
import { useNextPath } from './useNextPath';

const ids = accountFieldIds('signup');

export function SignUpPage() {
  const next = useNextPath();
  const { setUser } = useSession();
  const form = useSubmitForm(ids, {
    read: readAccount,
    send: async (account) => setUser(await signUp(account)),
    closes: true,
  });

  return (
    <Page title="Create your account" hasError={form.problems.summary.length > 0}>
      <FormWithSummary
        form={form}
        intro={<p className="lead">Your account lets you take part in Chorus workspaces.</p>}
        submit="Create account"
      >
        <AccountFields problems={form.problems} />
      </FormWithSummary>
      <p>
        Already have an account? <Link href={withNext('/login', next)}>Sign in</Link>
      </p>
    </Page>
  );
}
