import type { Kysely } from 'kysely';

// Comment threads on passages of documents (filled in by the comment-threads work).
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
