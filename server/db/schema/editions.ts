// Published editions of documents and the sign-off of the people quoted in them.

import type { EditionStatus } from '../../../shared/contracts/editions';

/** One edition of a document: made from a named version, numbered per document, its files made once by export jobs. */
export interface EditionsTable {
  id: string;
  document_id: string;
  workspace_id: string;
  /** 1, 2, 3… per document. */
  number: number;
  title: string;
  version_id: string;
  status: EditionStatus;
  /** Why it is withdrawn or failed, in words an editor can act on. */
  reason: string | null;
  /** JSON: the export (a `document_exports` id) holding each format's file, `{ "pdf": "…", … }`. */
  files: string;
  /** JSON array: the clips whose words are quoted in the edition's files. */
  quoted_clip_ids: string;
  /** An admin made it public without everyone's sign-off, and why. */
  override_reason: string | null;
  override_by: string | null;
  created_by: string;
  created_at: string;
  published_at: string | null;
  /** When it was unpublished, withdrawn or failed. */
  ended_at: string | null;
}

/** Where one quoted person's sign-off of their quotes in an edition stands. */
export interface EditionSignoffsTable {
  edition_id: string;
  user_id: string;
  workspace_id: string;
  state: 'pending' | 'approved' | 'changes_requested';
  note: string | null;
  decided_at: string | null;
}
