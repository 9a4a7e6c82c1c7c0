import type { Role } from '../../../shared/roles';

// People, their sign-in sessions, workspaces, memberships, invites, and the audit trail.

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
  /** Set when the person deleted their account: name, email and password were cleared then (docs/your-data.md). */
  deleted_at: string | null;
  /** When the person put away the carers' first-visit welcome; null while they have not (migration 024). */
  welcomed_at: string | null;
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
