// Reflection on power: the ladder, milestones, answers and the plan to move up (docs/reflections.md).

export interface ReflectionSettingsTable {
  workspace_id: string;
  /** `arnstein` or `tlap`. */
  ladder: string;
  updated_by: string | null;
  updated_at: string;
}

export interface ReflectionMilestonesTable {
  id: string;
  workspace_id: string;
  name: string;
  created_by: string | null;
  created_at: string;
}

export interface ReflectionsTable {
  id: string;
  workspace_id: string;
  user_id: string;
  /** The role the person had when they answered. */
  role: string;
  /** Null for an answer "any time". */
  milestone_id: string | null;
  ladder: string;
  rung: number;
  cube_voice: number;
  cube_knowledge: number;
  cube_diversity: number;
  cube_responsiveness: number;
  note: string | null;
  /** 1 when the writer shares the note with the team. */
  share_note: number;
  created_at: string;
}

export interface ReflectionActionsTable {
  id: string;
  workspace_id: string;
  text: string;
  owner_id: string | null;
  /** YYYY-MM-DD. */
  due_on: string;
  status: string;
  review_milestone_id: string | null;
  done_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
