import type {
  AcceptInviteBody,
  AcceptedInvite,
  CreateInviteInput,
  CreatedInvite,
  Invite,
  InvitePreview,
} from '../../../shared/contracts/invites';
import { assertStrongPassword } from '../../auth/passwordStrength';
import { hashPassword } from '../../auth/passwords';
import { newToken, tokenDigest } from '../../auth/tokens';
import { isoAfter, nowIso } from '../../clock';
import type { InvitesTable, UsersTable } from '../../db/schema';
import { AppError } from '../../errors';
import { authorize, authorizeInvite } from '../../policies/authorize';
import type { Services } from '../../services';
import { signUpRefused } from '../accounts/signUpRefusal';
import { presentUser } from '../accounts/userRepository';
import { actorIn } from '../../policies/actor';
import type { InviteWithContext } from './inviteRepository';
import { emailInvite } from '../notifications/inviteEmail';

export const presentInvite = (row: InvitesTable): Invite => ({
  id: row.id,
  role: row.role,
  expiresAt: row.expires_at,
  maxUses: row.max_uses,
  uses: row.uses,
  createdAt: row.created_at,
  createdBy: row.created_by,
});

export async function createInvite(
  services: Services,
  workspaceId: string,
  actorId: string,
  input: CreateInviteInput,
  baseUrl: string,
): Promise<CreatedInvite> {
  const actor = await actorIn(services, workspaceId, actorId);
  authorize(actor, 'invites.create');
  authorizeInvite(actor, input.role);
  if (input.email && !services.config.mail) {
    throw new AppError(
      'conflict',
      'This Chorus cannot send email yet (it has no mail server set up). Leave the email address empty, make the link and send it yourself.',
      {
        fields: [
          { path: 'email', message: 'This Chorus cannot send email. Leave this empty and send the link yourself.' },
        ],
      },
    );
  }
  const token = newToken();
  const row = await services.invites.create({
    workspaceId,
    tokenHash: tokenDigest(services.config.sessionSecret, token),
    role: input.role,
    createdBy: actorId,
    expiresAt: isoAfter(input.expiresInHours * 3600_000),
    maxUses: input.maxUses,
  });
  await services.audit.recordAbout(row, {
    actorId,
    action: 'invite.created',
    detail: { role: input.role, maxUses: input.maxUses, emailed: input.email !== undefined },
  });
  const url = `${baseUrl}/invite/${token}`;
  if (input.email) await emailInvite(services, row, input.email, url);
  return { ...presentInvite(row), token, url, emailedTo: input.email ?? null };
}

export async function listInvites(services: Services, workspaceId: string, actorId: string): Promise<Invite[]> {
  authorize(await actorIn(services, workspaceId, actorId), 'invites.manage');
  return (await services.invites.listUsable(workspaceId)).map(presentInvite);
}

export async function revokeInvite(
  services: Services,
  workspaceId: string,
  actorId: string,
  inviteId: string,
): Promise<void> {
  authorize(await actorIn(services, workspaceId, actorId), 'invites.manage');
  if (!(await services.invites.revoke(workspaceId, inviteId))) {
    throw new AppError('not_found', 'That invite does not exist or was already cancelled.');
  }
  await services.audit.record({ workspaceId, actorId, action: 'invite.revoked', subjectId: inviteId });
}

/** Why a link no longer works, in words the person holding it can act on. */
function unusableReason(invite: InvitesTable): AppError | undefined {
  const askAgain = 'Ask the person who invited you for a new link.';
  if (invite.revoked_at) return new AppError('invite_expired', `This invite link was cancelled. ${askAgain}`);
  if (invite.expires_at <= nowIso()) return new AppError('invite_expired', `This invite link has expired. ${askAgain}`);
  if (invite.max_uses !== null && invite.uses >= invite.max_uses)
    return new AppError('invite_used_up', `This invite link has already been used. ${askAgain}`);
  return undefined;
}

async function findInvite(services: Services, token: string): Promise<InviteWithContext> {
  const invite = await services.invites.findByTokenHash(tokenDigest(services.config.sessionSecret, token));
  if (!invite)
    throw new AppError(
      'not_found',
      'This invite link is not valid. Check that you copied all of it, or ask for a new link.',
    );
  return invite;
}

export async function previewInvite(services: Services, token: string): Promise<InvitePreview> {
  const invite = await findInvite(services, token);
  const problem = unusableReason(invite);
  if (problem) throw problem;
  return {
    workspaceName: invite.workspace_name,
    role: invite.role,
    invitedBy: invite.inviter_name,
    expiresAt: invite.expires_at,
  };
}

/**
 * Joins the workspace as the signed-in user, or creates the account and joins in one transaction:
 * a refused invite never leaves a half-made account behind.
 */
export async function acceptInvite(
  services: Services,
  token: string,
  signedIn: UsersTable | undefined,
  body: AcceptInviteBody,
): Promise<{ accepted: AcceptedInvite; createdUser: boolean }> {
  const invite = await findInvite(services, token);
  const wantsAccount = 'email' in body;
  if (signedIn && wantsAccount) {
    throw new AppError(
      'conflict',
      `You are already signed in as ${signedIn.email}. Sign out first to make a new account, or join as yourself.`,
    );
  }
  if (!signedIn && !wantsAccount) {
    throw new AppError('unauthenticated', 'Sign in, or create an account, to accept this invite.');
  }
  if (signedIn) {
    const existing = await services.workspaces.membership(invite.workspace_id, signedIn.id);
    if (existing)
      return {
        accepted: { workspaceId: invite.workspace_id, role: existing.role, user: presentUser(signedIn) },
        createdUser: false,
      };
  }
  const problem = unusableReason(invite);
  if (problem) throw problem;
  if (wantsAccount) await assertStrongPassword(body.password, { email: body.email, name: body.name });
  const passwordHash = wantsAccount ? await hashPassword(body.password) : undefined;

  const user = await services.transaction(async (tx) => {
    let member = signedIn;
    if (wantsAccount) {
      member =
        (await services.users.create({ email: body.email, name: body.name, passwordHash: passwordHash! }, tx)) ??
        undefined;
      if (!member) {
        throw signUpRefused('sign in first, then open the invite link again');
      }
    }
    if (!(await services.invites.consume(invite.id, tx))) {
      throw (
        unusableReason({ ...invite, uses: invite.max_uses ?? invite.uses }) ??
        new AppError('invite_used_up', 'This invite link has just been used up.')
      );
    }
    await services.workspaces.addMember(invite.workspace_id, member!.id, invite.role, tx);
    return member!;
  });

  await services.audit.recordAbout(invite, {
    actorId: user.id,
    action: 'invite.accepted',
    detail: { role: invite.role },
  });
  services.bus.emit('members:changed', invite.workspace_id);
  return {
    accepted: { workspaceId: invite.workspace_id, role: invite.role, user: presentUser(user) },
    createdUser: wantsAccount,
  };
}
