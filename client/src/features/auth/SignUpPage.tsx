import { signUp } from './authApi';
import { Page } from '../../app/Page';
import { Link } from '../../app/router';
import { withNext } from '../../app/safeNext';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useSubmitForm } from '../../components/useSubmitForm';
import { AccountFields, accountFieldIds } from './AccountFields';
import { readAccount } from './readAccount';
import { useNextPath } from './useNextPath';

const ids = accountFieldIds('signup');

export function SignUpPage() {
  const next = useNextPath();
  const { setUser } = useSession();
  const { problems, busy, onSubmit } = useSubmitForm(ids, {
    read: readAccount,
    send: async (account) => setUser(await signUp(account)),
    closes: true,
  });

  return (
    <Page title="Create your account" hasError={problems.summary.length > 0}>
      <ErrorSummary items={problems.summary} />
      <p className="lead">Your account lets you take part in Chorus workspaces.</p>
      <form onSubmit={onSubmit} noValidate>
        <AccountFields prefix="signup" problems={problems} />
        <Button type="submit" busy={busy}>
          Create account
        </Button>
      </form>
      <p>
        Already have an account? <Link href={withNext('/login', next)}>Sign in</Link>
      </p>
    </Page>
  );
}
