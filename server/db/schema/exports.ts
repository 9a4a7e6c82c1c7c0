// Exports of written documents.

export type ExportStatus = 'queued' | 'running' | 'ready' | 'failed';

/** One export of a document (or of one of its versions) into a file format; the file is a blob once ready. */
export interface DocumentExportsTable {
  id: string;
  document_id: string;
  workspace_id: string;
  /** Null: the document as it was when the job ran. */
  version_id: string | null;
  format: string;
  status: ExportStatus;
  /** 0…1 while running. */
  progress: number | null;
  failure_reason: string | null;
  /** The name the file is offered under, made from the document's title. */
  file_name: string;
  blob_key: string | null;
  /** bigint: PostgreSQL hands it back as a string. */
  size_bytes: number | string | null;
  created_by: string;
  created_at: string;
  finished_at: string | null;
  /** The title printed in the file, when not the document's own (an edition's title). */
  title?: string | null;
}
