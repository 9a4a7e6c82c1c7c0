import type { Role } from '../../shared/roles';

/**
 * The tables as Kysely sees them. Timestamps are ISO-8601 UTC strings and ids are UUID strings in both
 * SQLite and PostgreSQL, so the same query code returns the same shapes on either.
 */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  workspaces: WorkspacesTable;
  memberships: MembershipsTable;
  invites: InvitesTable;
  audit_events: AuditEventsTable;
  documents: DocumentsTable;
  document_updates: DocumentUpdatesTable;
  document_snapshots: DocumentSnapshotsTable;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
}

export interface SessionsTable {
  /** HMAC of the cookie token: a leaked table cannot be replayed as cookies. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface WorkspacesTable {
  id: string;
  name: string;
  created_by: string;
  created_at: string;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: Role;
  created_at: string;
}

export interface InvitesTable {
  id: string;
  workspace_id: string;
  token_hash: string;
  role: Role;
  created_by: string;
  created_at: string;
  expires_at: string;
  max_uses: number | null;
  uses: number;
  revoked_at: string | null;
}

/** Decisions people need to be able to look back on: consent, roles, publication. */
export interface AuditEventsTable {
  id: string;
  workspace_id: string | null;
  actor_id: string | null;
  action: string;
  subject_id: string | null;
  detail: string;
  created_at: string;
}

export interface DocumentsTable {
  id: string;
  workspace_id: string;
  kind: 'publication' | 'script';
  title: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  /** 0 or 1. */
  carers_can_edit: number;
}

/** The durable log of accepted Yjs updates, appended before any client sees them. */
export interface DocumentUpdatesTable {
  document_id: string;
  seq: number;
  data: Uint8Array;
  user_id: string | null;
  created_at: string;
}

/** A stored snapshot (blob) holding every update of its document with seq <= through_seq. */
export interface DocumentSnapshotsTable {
  document_id: string;
  through_seq: number;
  blob_key: string;
  size: number;
  created_at: string;
}
