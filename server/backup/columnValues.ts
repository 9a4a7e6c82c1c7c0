/**
 * One column value as it travels in an archive: plain JSON, the same whichever database wrote it, turned back into
 * what the receiving database takes. SQLite and PostgreSQL differ in booleans (0/1 against true/false), bigints
 * (numbers against strings from pg), binary (Buffer either way, base64 in the archive), JSON (text against objects)
 * and dates (text against Date).
 */
export type ColumnKind = 'text' | 'integer' | 'real' | 'boolean' | 'binary' | 'json' | 'timestamp';

/** The kind of a column from its declared type, as SQLite's `pragma table_xinfo` or PostgreSQL's catalog names it. */
export function columnKind(declaredType: string): ColumnKind {
  const t = declaredType.toLowerCase();
  if (t.includes('bool')) return 'boolean';
  if (t === 'bytea' || t.includes('blob')) return 'binary';
  if (t.includes('json')) return 'json';
  if (t.includes('timestamp') || t === 'date') return 'timestamp';
  if (t.includes('int') || t === 'serial' || t === 'bigserial') return 'integer';
  if (/real|double|float|numeric|decimal/.test(t)) return 'real';
  return 'text';
}

export type ArchivedValue = string | number | boolean | null | ArchivedValue[] | { [key: string]: ArchivedValue };

/** A value read from the database, as JSON for the archive. */
export function toArchived(value: unknown, kind: ColumnKind): ArchivedValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  // pg hands bigint columns over as strings; a number keeps the archive the same from either database.
  if (kind === 'integer' && typeof value === 'string' && /^-?\d+$/.test(value) && Number.isSafeInteger(Number(value)))
    return Number(value);
  if (kind === 'json' && typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return value as string | number | boolean;
}

/** An archived value as the receiving column takes it; `from` is the kind the column had where it was archived. */
export function fromArchived(value: ArchivedValue, from: ColumnKind, to: ColumnKind): unknown {
  if (value === null) return null;
  if (to === 'binary') return from === 'binary' && typeof value === 'string' ? Buffer.from(value, 'base64') : value;
  if (to === 'boolean') return value === true || value === 1 || value === '1' || value === 'true' || value === 't';
  if (to === 'integer' && typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'object') return JSON.stringify(value);
  if (to === 'json' && typeof value !== 'string') return JSON.stringify(value);
  return value;
}
