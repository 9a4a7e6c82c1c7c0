// Notifications: each person's inbox and email choices.

/** One notice for one person. */
export interface NotificationsTable {
  id: string;
  user_id: string;
  workspace_id: string;
  /** shared/contracts/notifications.ts `NotificationKind`. */
  kind: string;
  text: string;
  /** A path inside the app, such as /c/<clipId>. */
  link: string;
  /** The clip the notice is about: while it is withdrawn, the notice shows no words from it. */
  clip_id: string | null;
  read_at: string | null;
  /** `pending`: waits for the person's daily digest email; `sent`: went out in one. */
  digest: 'pending' | 'sent' | null;
  created_at: string;
}

export interface NotificationPreferencesTable {
  user_id: string;
  /** JSON: kind → `off` | `immediately` | `daily`; kinds not listed take their default. */
  email: string;
  /** When the person's last daily digest went out. */
  last_digest_at: string | null;
}
