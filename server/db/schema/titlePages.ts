// A publication's title page (migration 029).

/** One document's title page; `authors` is a JSON array of names. */
export interface DocumentTitlePagesTable {
  document_id: string;
  title: string;
  subtitle: string;
  authors: string;
  organisation: string;
  /** YYYY-MM-DD, or null when the cover gives no date. */
  date: string | null;
  licence: string;
  isbn: string | null;
  doi: string | null;
  funder: string;
  updated_by: string | null;
  updated_at: string;
}
