// Reports on involvement: the GRIPP2 short-form report and the impact log (migration 028).

/** The workspace's GRIPP2 short-form report: its five items as plain text. */
export interface Gripp2ReportsTable {
  workspace_id: string;
  aim: string;
  methods: string;
  results: string;
  discussion: string;
  reflections: string;
  updated_by: string | null;
  updated_at: string;
}

/** One entry of the impact log, with each side's view (null until someone of that side writes it). */
export interface ImpactEntriesTable {
  id: string;
  workspace_id: string;
  occurred_on: string;
  activity: string;
  activity_id: string | null;
  what_changed: string;
  evidence: string;
  staff_view: string | null;
  staff_view_by: string | null;
  staff_view_at: string | null;
  carer_view: string | null;
  carer_view_by: string | null;
  carer_view_at: string | null;
  created_by: string | null;
  created_at: string;
}
