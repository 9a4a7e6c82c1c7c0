import { z } from 'zod';

/**
 * The archive's table of contents, its last entry (`manifest.json`): written once every entry before it is
 * streamed out and its checksum known. See docs/backup.md and docs/decisions/0013-backup-archive-format.md.
 */
export const ARCHIVE_FORMAT = 'chorus-archive';
export const ARCHIVE_FORMAT_VERSION = 1;
export const MANIFEST_NAME = 'manifest.json';

const kind = z.enum(['text', 'integer', 'real', 'boolean', 'binary', 'json', 'timestamp']);

export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.literal(ARCHIVE_FORMAT_VERSION),
  createdAt: z.string(),
  /** The last database migration the rows were written under: the schema version. */
  schemaVersion: z.string(),
  migrations: z.array(z.string()),
  /** `database` for a whole install; `workspace` for one workspace's download. */
  scope: z.union([
    z.object({ kind: z.literal('database') }),
    z.object({ kind: z.literal('workspace'), workspaceId: z.string() }),
  ]),
  source: z.object({ database: z.enum(['sqlite', 'postgres']), storage: z.enum(['disk', 's3']) }),
  tables: z.array(
    z.object({
      name: z.string(),
      columns: z.array(z.object({ name: z.string(), kind })),
      rows: z.number().int().min(0),
    }),
  ),
  /** Every entry before the manifest, in archive order. */
  entries: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(['rows', 'blob', 'document']),
      size: z.number().int().min(0),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      rows: z.number().int().min(0).optional(),
    }),
  ),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestEntry = Manifest['entries'][number];

/** Entry names: one folder per kind of entry, so a person can find their way around with `tar tf`. */
export const entryNames = {
  rows: (table: string, part: number) => `tables/${table}/${String(part).padStart(6, '0')}.ndjson`,
  blob: (key: string) => `blobs/${key}`,
  document: (documentId: string) => `documents/${documentId}.yjs`,
};

export function blobKeyOf(entryName: string): string {
  return entryName.slice('blobs/'.length);
}

export function tableOf(entryName: string): string {
  return entryName.split('/')[1] ?? '';
}
