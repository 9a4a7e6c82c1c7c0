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

/** How many of the newest passages matching a search are ranked (besides every title match). */
export const defaultRankCap = 5000;

/** A version string both databases build alike: a log position and a timestamp. */
const versionOf = (seq: string, updatedAt: string) =>
  sql<string>`cast(coalesce(${sql.ref(seq)}, 0) as varchar(20)) || '|' || ${sql.ref(updatedAt)}`;

/** Never indexed, or indexed at another version. */
const differs = (version: RawBuilder<string>) => sql<boolean>`(s.version is null or s.version <> ${version})`;

/**
 * The search index: passages of text with a full-text index (FTS5 on SQLite, a tsvector on PostgreSQL), and the
 * version of each source they were made from.
 */
function searchRows(db: Db, dialect: Config['database']['kind']) {
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

    /**
     * The best-matching passage of each source of one workspace holding every one of `terms`, best source first,
     * `sources` at most. Only the newest `rankCap` passages that match are ranked, and every passage whose title
     * matches: a word found in nearly every passage would otherwise have bm25 or ts_rank computed for each of them.
     */
    async find(
      workspaceId: string,
      terms: readonly string[],
      { sources, rankCap = defaultRankCap }: { sources: number; rankCap?: number },
    ): Promise<FoundPassage[]> {
      if (terms.length === 0) return [];
      if (dialect === 'postgres') {
        const query = sql`plainto_tsquery('english', ${terms.join(' ')})`;
        // A title match is among every match (the title is part of `terms`), so only those older than the newest
        // ranked are added: the two never hold the same passage.
        const { rows } = await sql<FoundPassage>`
          with newest as materialized (
            select id, item_id, ts_rank(terms, ${query}) as rank from search_passages
            where workspace_id = ${workspaceId} and terms @@ ${query}
            order by id desc limit ${rankCap}
          ), candidates as (
            select id, item_id, rank from newest
            union all
            select id, item_id, ts_rank(terms, ${query}) from search_passages
            where workspace_id = ${workspaceId} and to_tsvector('english', title) @@ ${query}
              and id < (select min(id) from newest)
          ), top as (
            select id, rank from (
              select distinct on (item_id collate "C") id, rank from candidates
              order by item_id collate "C", rank desc, id
            ) best
            order by rank desc, id limit ${sources}
          )
          -- The text of the few passages shown, read last.
          select p.kind, p.item_id, p.title, p.body, p.at_seconds
          from top join search_passages p on p.id = top.id
          order by top.rank desc, top.id`.execute(db);
        return rows;
      }
      // Each term quoted, so nothing a person types is read as FTS5 syntax; terms side by side must all match.
      const match = terms.map((t) => `"${t.replaceAll('"', '')}"`).join(' ');
      const { rows } = await sql<FoundPassage>`
        with newest as materialized (
          select search_passages_fts.rowid as id, p.item_id, bm25(search_passages_fts, 4.0, 1.0) as rank
          from search_passages_fts join search_passages p on p.id = search_passages_fts.rowid
          where search_passages_fts match ${match} and p.workspace_id = ${workspaceId}
          order by search_passages_fts.rowid desc
          limit ${rankCap}
        ), candidates as (
          select id, item_id, rank from newest
          union all
          select search_passages_fts.rowid, p.item_id, bm25(search_passages_fts, 4.0, 1.0)
          from search_passages_fts join search_passages p on p.id = search_passages_fts.rowid
          where search_passages_fts match ${`{title} : (${match})`} and p.workspace_id = ${workspaceId}
            and search_passages_fts.rowid < (select min(id) from newest)
        ), top as (
          select id, rank from (
            select id, rank, row_number() over (partition by item_id order by rank, id) as n from candidates
          )
          where n = 1
          order by rank, id limit ${sources}
        )
        select p.kind, p.item_id, p.title, p.body, p.at_seconds
        from top join search_passages p on p.id = top.id
        order by top.rank, top.id`.execute(db);
      return rows;
    },

    /** Whether anything search reads in the workspace changed since its last catch-up (triggers note it). */
    async changed(workspaceId: string): Promise<boolean> {
      const row = await db
        .selectFrom('search_changes')
        .select('workspace_id')
        .where('workspace_id', '=', workspaceId)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    /**
     * Marks the notes of change the workspace has now, before its sources are compared: every change they stand for
     * was committed before this statement, so the comparison that follows sees it. A change committed later leaves an
     * unseen note for the next catch-up.
     */
    async markChanges(workspaceId: string): Promise<void> {
      await sql`update search_changes set seen = true where workspace_id = ${workspaceId} and not seen`.execute(db);
    },

    /** Deletes the notes marked, once the index holds what they stand for. */
    async clearChanges(workspaceId: string): Promise<void> {
      await sql`delete from search_changes where workspace_id = ${workspaceId} and seen`.execute(db);
    },

    /** Notes a change by hand (the next search compares the workspace's sources again). */
    async noteChange(workspaceId: string): Promise<void> {
      if (dialect === 'postgres') {
        await sql`insert into search_changes (workspace_id, change_id)
          values (${workspaceId}, pg_current_xact_id()::text::bigint) on conflict do nothing`.execute(db);
        return;
      }
      await sql`insert into search_changes (workspace_id, change_id)
        select ${workspaceId}, coalesce(max(change_id), 0) + 1 from search_changes where workspace_id = ${workspaceId}
        having not exists (select 1 from search_changes where workspace_id = ${workspaceId} and not seen)`.execute(db);
    },

    /**
     * After many passages were written (a first indexing): fresh statistics, so PostgreSQL's planner knows a common
     * word from a rare one (without them a search took over 100 ms), and the full-text indexes tidied. SQLite's FTS5
     * needs neither.
     */
    async refreshStatistics(): Promise<void> {
      if (dialect !== 'postgres') return;
      await sql`analyze search_passages, search_sources`.execute(db);
      // New entries wait in the GIN indexes' pending lists, which every search reads through until a vacuum.
      await sql`select gin_clean_pending_list('search_passages_terms'), gin_clean_pending_list('search_passages_title_terms')`.execute(
        db,
      );
    },
  };
}

/** The index's rows, as a catch-up holding the workspace's turn reads and writes them. */
export type SearchRows = ReturnType<typeof searchRows>;

export function searchRepository(db: Db, dialect: Config['database']['kind']) {
  const rows = searchRows(db, dialect);
  return {
    ...rows,
    /**
     * Runs `work` as the only catch-up of the workspace on this database: on PostgreSQL a session advisory lock on
     * one connection (which `work` is given, so it never waits for a second one from the pool), so two instances
     * take turns and one never writes passages older than the other's after it; SQLite has one writer anyway.
     */
    async exclusively<T>(workspaceId: string, work: (repo: SearchRows) => Promise<T>): Promise<T> {
      if (dialect !== 'postgres') return work(rows);
      return db.connection().execute(async (conn) => {
        const key = sql`hashtextextended(${`chorus.search:${workspaceId}`}, 0)`;
        await sql`select pg_advisory_lock(${key})`.execute(conn);
        try {
          return await work(searchRows(conn, dialect));
        } finally {
          await sql`select pg_advisory_unlock(${key})`.execute(conn);
        }
      });
    },
  };
}
export type SearchRepository = ReturnType<typeof searchRepository>;
