import { useState, type FormEvent } from 'react';
import { acceptInvite } from './invitesApi';
import { Link, navigate } from '../../app/router';
import { withNext } from '../../app/safeNext';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormProblems } from '../../components/useFormProblems';
import { AccountFields, accountFieldIds } from '../auth/AccountFields';
import { readAccount } from '../auth/readAccount';

const ids = accountFieldIds('join');

/** Make an account and join in one step: the whole journey for someone new to Chorus. */
export function JoinWithNewAccount({ token, onError }: { token: string; onError(hasError: boolean): void }) {
  const { setUser } = useSession();
  const problems = useFormProblems(ids);
  const [busy, setBusy] = useState(false);
  const here = `/invite/${encodeURIComponent(token)}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    problems.clear();
    onError(false);
    try {
      const accepted = await acceptInvite(token, readAccount(event.currentTarget));
      setUser(accepted.user);
      navigate(`/w/${encodeURIComponent(accepted.workspaceId)}`);
    } catch (e) {
      problems.show(e);
      onError(true);
      setBusy(false);
    }
  };

  return (
    <>
      <ErrorSummary items={problems.summary} />
      <h2 className="heading-l">Create your account to join</h2>
      <form onSubmit={submit} noValidate>
        <AccountFields prefix="join" problems={problems} />
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
