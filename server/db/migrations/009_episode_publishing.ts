import type { Kysely } from 'kysely';

// Episode artwork, script document, transcript and contributors' consent to be credited by name.
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
