import type { AccountDeleted, DeleteAccountBody } from '../../../shared/contracts/myData';
import { verifyPassword } from '../../auth/passwords';
import { nowIso } from '../../clock';
import type { UsersTable } from '../../db/schema';
import { AppError } from '../../errors';
import type { Services } from '../../services';
import { withdrawClip } from '../clips/withdrawClip';

/** A workspace always keeps an admin: the person must hand that on before they go. */
async function assertNoWorkspaceLeftWithoutAdmin(services: Services, userId: string): Promise<void> {
  const memberships = await services.myData.memberships(userId);
  const alone: string[] = [];
  for (const m of memberships)
    if (m.role === 'admin' && (await services.workspaces.countAdmins(m.workspace_id)) <= 1)
      alone.push(m.workspace_name);
  if (alone.length === 0) return;
  const names = alone.map((n) => `“${n}”`).join(', ');
  throw new AppError(
    'conflict',
    `You are the only admin of ${names}. Make someone else an admin there first (under Members on its page), ` +
      'then come back and delete your account. Your account has not been deleted.',
  );
}

/**
 * Deletes the person's account (docs/your-data.md). With `withdrawRecordings` (the default) each recording of
 * theirs is withdrawn through the usual withdrawal first: audio and transcript deleted, episodes flagged,
 * feed and public pages updated by the one consent rule set. Then, in one transaction: sessions, memberships,
 * credits and consultant marks are removed, the account keeps only the name "a former member" (what they wrote
 * stays, attributed to that), and the audit trail records it without their name or email. Their live
 * connections close at once.
 */
export async function deleteAccount(
  services: Services,
  user: UsersTable,
  body: DeleteAccountBody,
): Promise<AccountDeleted> {
  if (!(await verifyPassword(body.password, user.password_hash))) {
    throw new AppError('validation_failed', 'That is not your password. Type the password you sign in with.', {
      fields: [{ path: 'password', message: 'That is not your password. Type the password you sign in with.' }],
    });
  }
  await assertNoWorkspaceLeftWithoutAdmin(services, user.id);

  const memberships = await services.myData.memberships(user.id);
  const member = new Set(memberships.map((m) => m.workspace_id));
  const live = (await services.myData.clips(user.id)).filter((c) => c.withdrawn_at === null);
  // Only where they are still a member: a workspace they left is not theirs to act in (an admin there can withdraw).
  const toWithdraw = body.withdrawRecordings !== false ? live.filter((c) => member.has(c.workspace_id)) : [];
  for (const clip of toWithdraw) await withdrawClip(services, clip.id, user.id);
  const recordingsWithdrawn = toWithdraw.length;
  const recordingsKept = live.length - toWithdraw.length;
  const sessionIds = await services.transaction(async (tx) => {
    const ids = await services.myData.sessionIds(user.id, tx);
    for (const m of memberships)
      await services.audit.record(
        {
          workspaceId: m.workspace_id,
          actorId: user.id,
          action: 'member.account_deleted',
          subjectId: user.id,
          detail: { role: m.role, recordingsWithdrawn: body.withdrawRecordings !== false },
        },
        tx,
      );
    await services.audit.record(
      {
        workspaceId: null,
        actorId: user.id,
        action: 'account.deleted',
        subjectId: user.id,
        detail: { workspaces: memberships.length, recordingsWithdrawn, recordingsKept },
      },
      tx,
    );
    await services.myData.deleteAccount(user.id, nowIso(), tx);
    return ids;
  });

  for (const id of sessionIds) services.bus.emit('session:ended', id);
  for (const m of memberships) {
    services.bus.emit('member:removed', m.workspace_id, user.id);
    services.bus.emit('members:changed', m.workspace_id);
  }
  services.logger.info({ userId: user.id, recordingsWithdrawn, recordingsKept }, 'account deleted');
  return { deleted: true, recordingsWithdrawn, recordingsKept };
}
