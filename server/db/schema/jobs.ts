// The durable job queue.

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** The durable job queue: a worker leases a row (locked_by/locked_until) while it runs it. */
export interface JobsTable {
  id: string;
  type: string;
  /** JSON, checked against the job definition's schema before it runs. */
  payload: string;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_after: string;
  locked_by: string | null;
  locked_until: string | null;
  progress: number | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}
