import { useState } from 'react';
import type { InvitePreview } from '../../../../shared/contracts/invites';
import { previewInvite } from './invitesApi';
import { LoadFailure } from '../../app/LoadingPages';
import { Page } from '../../app/Page';
import { useSession } from '../../app/session';
import { useResource, type Resource } from '../../app/useResource';
import { StatusMessage } from '../../components/StatusMessage';
import { roleInSentence } from '../workspaces/roleWords';
import { formatDate } from './formatDate';
import { JoinAsYourself } from './JoinAsYourself';
import { JoinWithNewAccount } from './JoinWithNewAccount';

const linkProblems = new Set(['not_found', 'invite_expired', 'invite_used_up', 'validation_failed']);

function titleFor(preview: Resource<InvitePreview>): string {
  if (preview.status === 'loading') return 'Opening your invite';
  if (preview.status === 'failed') {
    return linkProblems.has(preview.error.code) ? 'This invite link does not work' : 'We could not open this invite';
  }
  return `You have been invited to join ${preview.data.workspaceName} as ${roleInSentence(preview.data.role)}`;
}

export function InvitePage({ token }: { token: string }) {
  const { session } = useSession();
  const [preview] = useResource(token, () => previewInvite(token));
  const [formError, setFormError] = useState(false);

  return (
    <Page title={titleFor(preview)} hasError={preview.status === 'failed' || formError}>
      <StatusMessage>{preview.status === 'loading' ? 'Opening your invite…' : null}</StatusMessage>
      {preview.status === 'failed' ? <LoadFailure error={preview.error} /> : null}
      {preview.status === 'ready' ? (
        <>
          <p className="lead">
            {preview.data.invitedBy} invited you. This link works until {formatDate(preview.data.expiresAt)}.
          </p>
          {session.status === 'signed-in' ? (
            <JoinAsYourself token={token} workspaceName={preview.data.workspaceName} user={session.user} />
          ) : null}
          {session.status === 'signed-out' ? <JoinWithNewAccount token={token} onError={setFormError} /> : null}
        </>
      ) : null}
    </Page>
  );
}
