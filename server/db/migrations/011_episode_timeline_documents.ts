import type { Kysely } from 'kysely';

// Each episode's timeline lives in a Yjs document carried by the co-writing sync engine.
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
