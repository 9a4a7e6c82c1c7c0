import type { Kysely } from 'kysely';

// Who withdrew a clip's consent, and the note that goes with a request for changes.
export async function up(_db: Kysely<unknown>): Promise<void> {}

export async function down(_db: Kysely<unknown>): Promise<void> {}
