import { sql, type RawBuilder } from 'kysely';
import type { Config } from '../../config';
import type { Db } from '../../db/connect';
import type { SearchPassagesTable, SearchSourcesTable } from '../../db/schema';

export type SearchKind = SearchSourcesTable['kind'];

/** A source whose passages are missing or older than it is. */
export interface StaleSource {
  kind: SearchKind;
  itemId: string;
  /** The live document holding its text (a transcript or a written document); null for an episode. */
  documentId: string | null;
  title: string;
  /** An episode's notes (its text is in the row, not in a document). */
  description: string | null;
  version: string;
}

export type NewPassage = Pick<SearchPassagesTable, 'title' | 'body' | 'at_seconds'>;
export type FoundPassage = Pick<SearchPassagesTable, 'kind' | 'item_id' | 'title' | 'body' | 'at_seconds'>;

/** A version string both databases build alike: a log position and a timestamp. */
const versionOf = (seq: string, updatedAt: string) =>
  sql<string>`cast(coalesce(${sql.ref(seq)}, 0) as varchar(20)) || '|' || ${sql.ref(updatedAt)}`;

/** Never indexed, or indexed at another version. */
const differs = (version: RawBuilder<string>) => sql<boolean>`(s.version is null or s.version <> ${version})`;

/**
 * The search index: passages of text with a full-text index (FTS5 on SQLite, a tsvector on PostgreSQL), and the
 * version of each source they were made from.
 */
export function searchRepository(db: Db, dialect: Config['database']['kind']) {
  return {
    /** Sources of one workspace whose passages are missing or out of date, and sources that no longer exist. */
    async staleSources(workspaceId: string): Promise<{ stale: StaleSource[]; gone: string[] }> {
      const transcripts = db
        .selectFrom('clip_transcripts as t')
        .innerJoin('clips as c', 'c.id', 't.clip_id')
        .leftJoin('document_log_heads as h', 'h.document_id', 't.document_id')
        // A voice comment's words are read beside its comment, never found by search as a clip.
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('voice_comments').select('voice_comments.id').whereRef('voice_comments.id', '=', 't.clip_id'),
            ),
          ),
        )
        .leftJoin('search_sources as s', 's.item_id', 't.clip_id')
        .select([
          sql<SearchKind>`'clip'`.as('kind'),
          't.clip_id as itemId',
          sql<string | null>`t.document_id`.as('documentId'),
          'c.title as title',
          sql<string | null>`null`.as('description'),
          versionOf('h.last_seq', 'c.updated_at').as('version'),
          's.version as indexed',
        ])
        .where('t.workspace_id', '=', workspaceId)
        .where('c.withdrawn_at', 'is', null)
        .where(differs(versionOf('h.last_seq', 'c.updated_at')));
      const documents = db
        .selectFrom('documents as d')
        .leftJoin('document_log_heads as h', 'h.document_id', 'd.id')
        .leftJoin('search_sources as s', 's.item_id', 'd.id')
        .select([
          sql<SearchKind>`'document'`.as('kind'),
          'd.id as itemId',
          sql<string | null>`d.id`.as('documentId'),
          'd.title as title',
          sql<string | null>`null`.as('description'),
          versionOf('h.last_seq', 'd.updated_at').as('version'),
          's.version as indexed',
        ])
        .where('d.workspace_id', '=', workspaceId)
        .where('d.kind', 'in', ['publication', 'script'])
        .where(differs(versionOf('h.last_seq', 'd.updated_at')));
      const episodes = db
        .selectFrom('episodes as e')
        .leftJoin('search_sources as s', 's.item_id', 'e.id')
        .select([
          sql<SearchKind>`'episode'`.as('kind'),
          'e.id as itemId',
          sql<string | null>`null`.as('documentId'),
          'e.title as title',
          sql<string | null>`e.description`.as('description'),
          'e.updated_at as version',
          's.version as indexed',
        ])
        .where('e.workspace_id', '=', workspaceId)
        .where(differs(sql<string>`e.updated_at`));
      const stale = (await transcripts.unionAll(documents).unionAll(episodes).execute()).map(
        ({ indexed: _indexed, ...source }) => source as StaleSource,
      );
      const gone = await db
        .selectFrom('search_sources as s')
        .leftJoin('episodes as e', 'e.id', 's.item_id')
        .select('s.item_id')
        .where('s.workspace_id', '=', workspaceId)
        .where('s.kind', '=', 'episode')
        .where('e.id', 'is', null)
        .execute();
      return { stale, gone: gone.map((g) => g.item_id) };
    },

    /**
     * Replaces a source's passages. The source row is written first, so two instances indexing the same source
     * at once take turns on its row lock instead of both adding passages.
     */
    async replace(
      source: Pick<StaleSource, 'kind' | 'itemId' | 'version'> & { workspaceId: string },
      passages: readonly NewPassage[],
    ): Promise<void> {
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('search_sources')
          .values({
            item_id: source.itemId,
            workspace_id: source.workspaceId,
            kind: source.kind,
            version: source.version,
          })
          .onConflict((oc) => oc.column('item_id').doUpdateSet({ version: source.version }))
          .execute();
        await tx.deleteFrom('search_passages').where('item_id', '=', source.itemId).execute();
        // In batches: SQLite takes at most 32766 bound values in one statement.
        for (let i = 0; i < passages.length; i += 500) {
          await tx
            .insertInto('search_passages')
            .values(
              passages.slice(i, i + 500).map((p) => ({
                workspace_id: source.workspaceId,
                kind: source.kind,
                item_id: source.itemId,
                ...p,
              })),
            )
            .execute();
        }
      });
    },

    /** The clips among `ids` that are in the workspace, with what their rules need. */
    clipsIn: (workspaceId: string, ids: readonly string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('clips')
            .select(['id', 'title', 'contributor_id', 'withdrawn_at'])
            .where('workspace_id', '=', workspaceId)
            .where('id', 'in', ids)
            .execute(),

    /** The documents among `ids` that are in the workspace. */
    documentsIn: (workspaceId: string, ids: readonly string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('documents')
            .selectAll()
            .where('workspace_id', '=', workspaceId)
            .where('id', 'in', ids)
            .execute(),

    /** The episodes among `ids` that are in the workspace (the episodes module keeps its own repository). */
    episodesIn: (workspaceId: string, ids: readonly string[]) =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom('episodes')
            .select(['id', 'title'])
            .where('workspace_id', '=', workspaceId)
            .where('id', 'in', ids)
            .execute(),

    /** Takes a source out of the index (a withdrawn clip, a deleted episode). */
    async forget(itemId: string, tx: Db = db): Promise<void> {
      await tx.deleteFrom('search_passages').where('item_id', '=', itemId).execute();
      await tx.deleteFrom('search_sources').where('item_id', '=', itemId).execute();
    },

    /** The best-matching passages of one workspace holding every one of `terms`, best first. */
    async find(workspaceId: string, terms: readonly string[], limit: number): Promise<FoundPassage[]> {
      if (terms.length === 0) return [];
      if (dialect === 'postgres') {
        const query = sql`plainto_tsquery('english', ${terms.join(' ')})`;
        const { rows } = await sql<FoundPassage>`
          select kind, item_id, title, body, at_seconds from search_passages
          where workspace_id = ${workspaceId} and terms @@ ${query}
          order by ts_rank(terms, ${query}) desc, id
          limit ${limit}`.execute(db);
        return rows;
      }
      // Each term quoted, so nothing a person types is read as FTS5 syntax; terms side by side must all match.
      const match = terms.map((t) => `"${t.replaceAll('"', '')}"`).join(' ');
      const { rows } = await sql<FoundPassage>`
        select p.kind, p.item_id, p.title, p.body, p.at_seconds
        from search_passages_fts join search_passages p on p.id = search_passages_fts.rowid
        where search_passages_fts match ${match} and p.workspace_id = ${workspaceId}
        order by bm25(search_passages_fts, 4.0, 1.0), p.id
        limit ${limit}`.execute(db);
      return rows;
    },
  };
}
export type SearchRepository = ReturnType<typeof searchRepository>;
