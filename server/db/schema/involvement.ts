// The involvement log and what was given back (docs/involvement.md).

/** bigint columns: PostgreSQL hands them back as strings; read them with `Number()` (whole minor units). */
type BigintColumn = number | string;

export interface InvolvementRatesTable {
  workspace_id: string;
  /** ISO 4217. */
  currency: string;
  hour_minor: BigintColumn;
  half_day_minor: BigintColumn;
  day_minor: BigintColumn;
  updated_by: string | null;
  updated_at: string;
}

export interface InvolvementActivitiesTable {
  id: string;
  workspace_id: string;
  kind: string;
  /** What it was for. */
  title: string;
  /** YYYY-MM-DD. */
  occurred_on: string;
  duration_minutes: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface InvolvementParticipantsTable {
  activity_id: string;
  user_id: string;
  workspace_id: string;
  status: 'pending' | 'confirmed' | 'disputed';
  note: string | null;
  responded_at: string | null;
  choice: 'paid' | 'voucher' | 'declined' | 'talk_first' | null;
  benefits_discussed_at: string | null;
  benefits_discussed_by: string | null;
}

export interface InvolvementExpensesTable {
  id: string;
  activity_id: string;
  user_id: string;
  workspace_id: string;
  kind: 'travel' | 'care_cover' | 'other';
  amount_minor: BigintColumn;
  note: string | null;
  created_by: string | null;
  created_at: string;
}
