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

/** The audit trail. Pass `tx` to record a decision inside the transaction that makes it. */
export function auditRepository(db: Db) {
  return {
    record: (entry: AuditEntry, tx: Db = db): Promise<void> => recordAudit(tx, entry),
  };
}
export type AuditRepository = ReturnType<typeof auditRepository>;
