import type { InvitesTable } from '../../db/schema';
import type { Services } from '../../services';
import { inviteEmailJobSpec } from './emailJobSpecs';
import { seal } from './sealed';

/** Queues the email carrying an invite link (sealed in the job: the database never holds a usable link). */
export async function emailInvite(services: Services, invite: InvitesTable, to: string, url: string): Promise<void> {
  const [workspace, inviter] = await Promise.all([
    services.workspaces.findById(invite.workspace_id),
    services.users.findById(invite.created_by),
  ]);
  await services.jobs.enqueue(inviteEmailJobSpec, {
    to,
    workspaceName: workspace?.name ?? 'a workspace',
    inviterName: inviter?.name ?? 'Someone',
    role: invite.role,
    expiresAt: invite.expires_at,
    sealedUrl: seal(services.config.sessionSecret, url),
  });
}
