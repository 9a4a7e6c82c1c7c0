import { sql, type Kysely } from 'kysely';

/**
 * Publishing extras. Each lives in its own table keyed by what it belongs to, so the show, episode and
 * membership rows (and the code that writes them whole) stay as they are:
 * - `artworks`: uploaded square artwork of the show or of an episode, checked and measured at upload;
 * - `episode_publishing`: an episode's script document and its uploaded transcript;
 * - `member_credits`: a member's own choice to be credited by name in published episodes, with the name to
 *   use (no row: not credited). It belongs to the membership and goes with it;
 * - `episode_consultants`: people an editor marked as consultants on an episode;
 * - `document_authors`: everyone who ever changed a document's text (the update log is trimmed after
 *   snapshots, so authorship is kept here), filled from what the log still holds.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per picture: the owner is the workspace (its show) or an episode.
  await db.schema
    .createTable('artworks')
    .addColumn('owner_id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('episode_id', 'varchar(36)', (c) => c.references('episodes.id').onDelete('cascade'))
    .addColumn('blob_key', 'varchar(1024)', (c) => c.notNull())
    .addColumn('content_type', 'varchar(32)', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('episode_publishing')
    .addColumn('episode_id', 'varchar(36)', (c) => c.primaryKey().references('episodes.id').onDelete('cascade'))
    .addColumn('script_document_id', 'varchar(36)', (c) => c.references('documents.id').onDelete('set null'))
    .addColumn('transcript_key', 'varchar(1024)')
    .addColumn('transcript_format', 'varchar(8)')
    .addColumn('transcript_size', 'integer')
    .addColumn('transcript_sha256', 'varchar(64)')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('member_credits')
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('credit_name', 'varchar(120)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_credits_pk', ['workspace_id', 'user_id'])
    .addForeignKeyConstraint(
      'member_credits_membership',
      ['workspace_id', 'user_id'],
      'memberships',
      ['workspace_id', 'user_id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  await db.schema
    .createTable('episode_consultants')
    .addColumn('episode_id', 'varchar(36)', (c) => c.notNull().references('episodes.id').onDelete('cascade'))
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('episode_consultants_pk', ['episode_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('document_authors')
    .addColumn('document_id', 'varchar(36)', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('first_edit_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_authors_pk', ['document_id', 'user_id'])
    .execute();
  await sql`insert into document_authors (document_id, user_id, first_edit_at)
    select document_id, user_id, min(created_at) from document_updates where user_id is not null group by document_id, user_id`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['document_authors', 'episode_consultants', 'member_credits', 'episode_publishing', 'artworks']) {
    await db.schema.dropTable(t).execute();
  }
}
