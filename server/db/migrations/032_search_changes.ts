import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * Search without re-checking every source before each search
 * (docs/decisions/0008-search-index-caught-up-before-each-search.md).
 *
 * - `search_changes`: a row says "something search reads in this workspace changed since the index last caught up".
 *   Triggers add one whenever a row the index is made from changes (a transcript or document edit through its update
 *   log, a clip, document or episode row, a voice comment, a source taken out of the index). A search finding none
 *   skips comparing versions. A catch-up marks the rows it sees (`seen`) before it compares, and deletes them once the
 *   index is up to date: a search on another instance meanwhile still finds rows and waits its turn, and a change
 *   committed after the marking keeps an unseen row for the next catch-up. On PostgreSQL each writing transaction adds
 *   its own row (its transaction id), so writers never wait on each other for it; on SQLite, where writes take turns,
 *   one unseen row per workspace is enough. Derivable: left out of backups.
 * - A GIN index on passage titles (PostgreSQL; FTS5 filters by column on SQLite), so title matches are found without
 *   ranking every passage of a common word.
 * - Workspace indexes the per-search queries use.
 */

const watched: { table: string; when: { insert?: boolean; update?: string[]; delete?: boolean } }[] = [
  { table: 'clips', when: { update: ['title', 'updated_at', 'withdrawn_at', 'workspace_id'], delete: true } },
  { table: 'clip_transcripts', when: { insert: true, update: ['document_id', 'workspace_id'], delete: true } },
  { table: 'documents', when: { insert: true, update: ['title', 'kind', 'updated_at', 'workspace_id'], delete: true } },
  { table: 'document_log_heads', when: { insert: true, update: ['last_seq', 'document_id'], delete: true } },
  {
    table: 'episodes',
    when: { insert: true, update: ['title', 'description', 'updated_at', 'workspace_id'], delete: true },
  },
  { table: 'voice_comments', when: { insert: true, delete: true } },
  { table: 'search_sources', when: { delete: true } },
];

const differs = (columns: string[]) => columns.map((c) => `old.${c} is distinct from new.${c}`).join(' or ');

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('search_changes')
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('change_id', 'bigint', (c) => c.notNull())
    .addColumn('seen', 'boolean', (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('search_changes_pk', ['workspace_id', 'change_id'])
    .execute();

  if (postgres) {
    await sql`create function search_changed() returns trigger language plpgsql as $$
      declare
        row_ record;
        workspace varchar(36);
      begin
        if tg_op = 'DELETE' then row_ := old; else row_ := new; end if;
        if tg_table_name = 'document_log_heads' then
          select d.workspace_id into workspace from documents d where d.id = row_.document_id;
        else
          workspace := row_.workspace_id;
        end if;
        if workspace is not null then
          insert into search_changes (workspace_id, change_id)
            values (workspace, pg_current_xact_id()::text::bigint) on conflict do nothing;
        end if;
        return null;
      end $$`.execute(db);
    for (const { table, when } of watched) {
      const name = (op: string) => sql.raw(`${table}_search_${op}`);
      if (when.insert || when.delete) {
        const ops = [when.insert && 'insert', when.delete && 'delete'].filter(Boolean).join(' or ');
        await sql`create trigger ${name('added_or_removed')} after ${sql.raw(ops)} on ${sql.table(table)}
          for each row execute function search_changed()`.execute(db);
      }
      if (when.update) {
        await sql`create trigger ${name('changed')} after update on ${sql.table(table)}
          for each row when (${sql.raw(differs(when.update))}) execute function search_changed()`.execute(db);
      }
    }
    await sql`create index search_passages_title_terms on search_passages using gin (to_tsvector('english', title))`.execute(
      db,
    );
  } else {
    const workspaceOf = (table: string, row: 'new' | 'old') =>
      table === 'document_log_heads'
        ? `(select workspace_id from documents where id = ${row}.document_id)`
        : `${row}.workspace_id`;
    const note = (table: string, row: 'new' | 'old') =>
      `insert into search_changes (workspace_id, change_id)
        select w, (select coalesce(max(change_id), 0) + 1 from search_changes where workspace_id = w)
        from (select ${workspaceOf(table, row)} as w)
        where w is not null and not exists (select 1 from search_changes where workspace_id = w and not seen);`;
    for (const { table, when } of watched) {
      if (when.insert) {
        await sql`create trigger ${sql.raw(`${table}_search_added`)} after insert on ${sql.table(table)} begin
          ${sql.raw(note(table, 'new'))} end`.execute(db);
      }
      if (when.delete) {
        await sql`create trigger ${sql.raw(`${table}_search_removed`)} after delete on ${sql.table(table)} begin
          ${sql.raw(note(table, 'old'))} end`.execute(db);
      }
      if (when.update) {
        await sql`create trigger ${sql.raw(`${table}_search_changed`)} after update on ${sql.table(table)}
          when ${sql.raw(differs(when.update))} begin ${sql.raw(note(table, 'new'))} end`.execute(db);
      }
    }
  }
  // Every workspace is compared once after the upgrade.
  await sql`insert into search_changes (workspace_id, change_id) select id, 0 from workspaces`.execute(db);

  await db.schema
    .createIndex('search_passages_workspace_id')
    .on('search_passages')
    .columns(['workspace_id', 'id'])
    .execute();
  await db.schema.dropIndex('search_passages_workspace').execute();
  await db.schema
    .createIndex('search_sources_workspace')
    .on('search_sources')
    .columns(['workspace_id', 'kind'])
    .execute();
  await db.schema.createIndex('clip_transcripts_workspace').on('clip_transcripts').column('workspace_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.dropIndex('clip_transcripts_workspace').execute();
  await db.schema.dropIndex('search_sources_workspace').execute();
  await db.schema.createIndex('search_passages_workspace').on('search_passages').column('workspace_id').execute();
  await db.schema.dropIndex('search_passages_workspace_id').execute();
  for (const { table, when } of watched) {
    const names = postgres
      ? [when.insert || when.delete ? 'added_or_removed' : '', when.update ? 'changed' : '']
      : [when.insert ? 'added' : '', when.delete ? 'removed' : '', when.update ? 'changed' : ''];
    for (const n of names.filter(Boolean)) {
      const trigger = sql.raw(`${table}_search_${n}`);
      if (postgres) await sql`drop trigger ${trigger} on ${sql.table(table)}`.execute(db);
      else await sql`drop trigger ${trigger}`.execute(db);
    }
  }
  if (postgres) {
    await sql`drop index search_passages_title_terms`.execute(db);
    await sql`drop function search_changed()`.execute(db);
  }
  await db.schema.dropTable('search_changes').execute();
}
