// Sign-off by the people heard in an episode.

/** A person's last decision about their parts in an episode, for the parts whose fingerprint it keeps. */
export interface EpisodeSignoffsTable {
  episode_id: string;
  user_id: string;
  workspace_id: string;
  /** Hex SHA-256 of their stretches (clips, trims, order): a new render keeps the decision only while it matches. */
  parts_fingerprint: string;
  /** The render they decided on. */
  render_id: string;
  state: 'approved' | 'changes_requested';
  note: string | null;
  decided_at: string;
}

/** An admin published without everyone's sign-off, and why. */
export interface EpisodeSignoffOverridesTable {
  id: string;
  episode_id: string;
  workspace_id: string;
  render_id: string;
  reason: string;
  created_by: string;
  created_at: string;
}

/** A workspace's choice about sign-off; no row means it is asked for. `enabled` is 0 or 1. */
export interface SignoffSettingsTable {
  workspace_id: string;
  enabled: number;
  updated_by: string;
  updated_at: string;
}
