import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Clip transcripts and workspace search.
 *
 * - `clip_transcripts`: each clip's transcript is a live document (a `documents` row of kind `transcript`, whose id
 *   is derived from the clip's); this row links the two and keeps a machine draft, when one exists, unchanged.
 * - `search_passages`: the text search looks in, cut into passages (a transcript segment, a few paragraphs of a
 *   document, an episode's title and notes), with a full-text index: FTS5 on SQLite, a tsvector on PostgreSQL.
 * - `search_sources`: which version of each source the passages were made from, so a search first brings up to
 *   date whatever changed since (docs/decisions/0008-search-index-caught-up-before-each-search.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('clip_transcripts')
    .addColumn('clip_id', 'varchar(36)', (c) => c.primaryKey().references('clips.id').onDelete('cascade'))
    .addColumn('document_id', 'varchar(36)', (c) => c.notNull().unique().references('documents.id').onDelete('cascade'))
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    /** JSON `{ segments, speakers }` as the engine gave it; null for a transcript people typed. */
    .addColumn('machine_draft', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('search_sources')
    .addColumn('item_id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('version', 'varchar(100)', (c) => c.notNull())
    .execute();

  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    await sql`create table search_passages (
      id serial primary key,
      workspace_id varchar(36) not null references workspaces(id) on delete cascade,
      kind varchar(16) not null,
      item_id varchar(36) not null,
      title text not null,
      body text not null,
      at_seconds double precision,
      terms tsvector generated always as (setweight(to_tsvector('english', title), 'A') || to_tsvector('english', body)) stored
    )`.execute(db);
    await sql`create index search_passages_terms on search_passages using gin (terms)`.execute(db);
  } else {
    await sql`create table search_passages (
      id integer primary key,
      workspace_id varchar(36) not null references workspaces(id) on delete cascade,
      kind varchar(16) not null,
      item_id varchar(36) not null,
      title text not null,
      body text not null,
      at_seconds real
    )`.execute(db);
    // External content: the words are stored once (in search_passages); triggers keep the index in step.
    await sql`create virtual table search_passages_fts using fts5(
      title, body, content = 'search_passages', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2'
    )`.execute(db);
    await sql`create trigger search_passages_added after insert on search_passages begin
      insert into search_passages_fts (rowid, title, body) values (new.id, new.title, new.body);
    end`.execute(db);
    await sql`create trigger search_passages_removed after delete on search_passages begin
      insert into search_passages_fts (search_passages_fts, rowid, title, body) values ('delete', old.id, old.title, old.body);
    end`.execute(db);
  }
  await db.schema.createIndex('search_passages_item').on('search_passages').column('item_id').execute();
  await db.schema.createIndex('search_passages_workspace').on('search_passages').column('workspace_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    await sql`drop trigger search_passages_added`.execute(db);
    await sql`drop trigger search_passages_removed`.execute(db);
    await sql`drop table search_passages_fts`.execute(db);
  }
  await db.schema.dropTable('search_passages').execute();
  await db.schema.dropTable('search_sources').execute();
  await sql`delete from documents where kind = 'transcript'`.execute(db);
  await db.schema.dropTable('clip_transcripts').execute();
}
