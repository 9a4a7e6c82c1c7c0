import { useState } from 'react';
import type { User } from '../../../../shared/contracts/auth';
import { acceptInvite } from './invitesApi';
import { navigate } from '../../app/router';
import { Button } from '../../components/Button';
import { ErrorSummary, type SummaryItem } from '../../components/ErrorSummary';
import { toApiError } from '../../api/ApiError';

interface JoinAsYourselfProps {
  token: string;
  workspaceName: string;
  user: User;
}

export function JoinAsYourself({ token, workspaceName, user }: JoinAsYourselfProps) {
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<SummaryItem[]>([]);

  const join = async () => {
    setBusy(true);
    setProblems([]);
    try {
      const accepted = await acceptInvite(token);
      navigate(`/w/${encodeURIComponent(accepted.workspaceId)}`);
    } catch (e) {
      setProblems([{ message: toApiError(e).message }]);
      setBusy(false);
    }
  };

  return (
    <>
      <ErrorSummary items={problems} />
      <p>
        You are signed in as {user.name} ({user.email}).
      </p>
      <Button busy={busy} onClick={join}>
        Join {workspaceName}
      </Button>
    </>
  );
}
