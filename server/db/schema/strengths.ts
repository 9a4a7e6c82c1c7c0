// People as assets: what members bring and would like to try, tasks offered to them, abilities agreed (migration 022).

/** What a member brings and would like to try. `wants_to_try` is a JSON array of task ids (shared/contracts/strengths.ts). */
export interface MemberStrengthsTable {
  workspace_id: string;
  user_id: string;
  brings: string;
  wants_to_try: string;
  wants_to_try_other: string;
  updated_at: string;
}

/** A task an editor or admin offered to a member, and the member's answer. */
export interface TaskOffersTable {
  id: string;
  workspace_id: string;
  user_id: string;
  task: string;
  message: string;
  offered_by: string | null;
  status: 'offered' | 'accepted' | 'declined';
  created_at: string;
  responded_at: string | null;
}

/** An admin agreed that a carer may also do one thing staff do (shared/contracts/strengths.ts `grantableAbilities`). */
export interface MemberGrantsTable {
  workspace_id: string;
  user_id: string;
  ability: string;
  granted_by: string | null;
  granted_at: string;
}
