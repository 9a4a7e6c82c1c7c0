import { acceptInvite } from './invitesApi';
import { Link, navigate } from '../../app/router';
import { withNext } from '../../app/safeNext';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useSubmitForm } from '../../components/useSubmitForm';
import { AccountFields, accountFieldIds } from '../auth/AccountFields';
import { readAccount } from '../auth/readAccount';

const ids = accountFieldIds('join');

/** Make an account and join in one step: the whole journey for someone new to Chorus. */
export function JoinWithNewAccount({ token, onError }: { token: string; onError(hasError: boolean): void }) {
  const { setUser } = useSession();
  const here = `/invite/${encodeURIComponent(token)}`;
  const { problems, busy, onSubmit } = useSubmitForm(ids, {
    read: readAccount,
    send: async (account) => {
      const accepted = await acceptInvite(token, account);
      setUser(accepted.user);
      navigate(`/w/${encodeURIComponent(accepted.workspaceId)}`);
    },
    closes: true,
    onError,
  });

  return (
    <>
      <ErrorSummary items={problems.summary} />
      <h2 className="heading-l">Create your account to join</h2>
      <form onSubmit={onSubmit} noValidate>
        <AccountFields problems={problems} />
        <Button type="submit" busy={busy}>
          Create account and join
        </Button>
      </form>
      <p>
        <Link href={withNext('/login', here)}>I already have an account</Link>
      </p>
    </>
  );
}
