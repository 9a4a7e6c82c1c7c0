import type { Kysely } from 'kysely';

// Music assets (intro, outro, beds) of a workspace, used on episode timelines.
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
