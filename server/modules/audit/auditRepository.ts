import { randomUUID } from 'node:crypto';
import { nowIso } from '../../clock';
import type { Db } from '../../db/connect';

export interface AuditEntry {
  workspaceId: string | null;
  actorId: string | null;
  action: string;
  subjectId?: string | null;
  detail?: Record<string, unknown>;
}

/** Appends a decision to the audit trail: who did what, when. Never holds audio or document content. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      id: randomUUID(),
      workspace_id: entry.workspaceId,
      actor_id: entry.actorId,
      action: entry.action,
      subject_id: entry.subjectId ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
      created_at: nowIso(),
    })
    .execute();
}

/**
 * Runs `write`; with an audit entry, in one transaction with the entry that records it, so the trail never
 * names a change that did not happen (nor misses one that did).
 */
export async function writeAudited(db: Db, audit: AuditEntry | undefined, write: (tx: Db) => Promise<unknown>) {
  if (!audit) {
    await write(db);
    return;
  }
  await db.transaction().execute(async (tx) => {
    await write(tx);
    await recordAudit(tx, audit);
  });
}

/** One thing in a workspace that decisions are about: a clip, a document, an invite. */
export interface AuditSubject {
  id: string;
  workspace_id: string;
}

/** The audit trail. Pass `tx` to record a decision inside the transaction that makes it. */
export function auditRepository(db: Db) {
  return {
    record: (entry: AuditEntry, tx: Db = db): Promise<void> => recordAudit(tx, entry),

    /** A decision about `subject`, filed under it and its workspace. */
    recordAbout: (
      subject: AuditSubject,
      { actorId, action, detail }: { actorId: string; action: string; detail?: Record<string, unknown> },
      tx: Db = db,
    ): Promise<void> =>
      recordAudit(tx, { workspaceId: subject.workspace_id, actorId, action, subjectId: subject.id, detail }),
  };
}
export type AuditRepository = ReturnType<typeof auditRepository>;
