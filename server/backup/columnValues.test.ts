import { describe, expect, it } from 'vitest';
import { columnKind, fromArchived, toArchived } from './columnValues';

describe('column values between SQLite and PostgreSQL', () => {
  it('names the kind of each declared type either database reports', () => {
    expect(
      [
        'varchar(36)',
        'character varying',
        'text',
        'integer',
        'bigint',
        'real',
        'double precision',
        'blob',
        'bytea',
      ].map(columnKind),
    ).toEqual(['text', 'text', 'text', 'integer', 'integer', 'real', 'real', 'binary', 'binary']);
    expect(['boolean', 'jsonb', 'json', 'timestamp with time zone'].map(columnKind)).toEqual([
      'boolean',
      'json',
      'json',
      'timestamp',
    ]);
  });

  it('archives bigints from pg (strings) and SQLite (numbers) alike, keeping those too large for a number', () => {
    expect(toArchived('1073741824', 'integer')).toBe(1073741824);
    expect(toArchived(1073741824, 'integer')).toBe(1073741824);
    expect(toArchived('9223372036854775807', 'integer')).toBe('9223372036854775807');
    expect(toArchived(12n, 'integer')).toBe(12);
  });

  it('carries binary as base64 and back to bytes', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255]);
    const archived = toArchived(new Uint8Array(bytes), 'binary');
    expect(archived).toBe('AAEC+v8=');
    expect(fromArchived(archived, 'binary', 'binary')).toEqual(bytes);
  });

  it('turns booleans into 0/1 for SQLite and back into booleans for PostgreSQL', () => {
    expect(fromArchived(true, 'boolean', 'integer')).toBe(1);
    expect(fromArchived(0, 'integer', 'boolean')).toBe(false);
    expect(fromArchived(1, 'integer', 'boolean')).toBe(true);
  });

  it('keeps JSON as text, whether pg parsed it into an object or SQLite kept it as a string', () => {
    expect(toArchived({ a: [1, 2] }, 'json')).toBe('{"a":[1,2]}');
    expect(toArchived('{"a":[1,2]}', 'json')).toBe('{"a":[1,2]}');
    expect(fromArchived('{"a":[1,2]}', 'text', 'json')).toBe('{"a":[1,2]}');
    expect(fromArchived([1, 2], 'json', 'json')).toBe('[1,2]');
  });

  it('writes dates as ISO text and keeps nulls', () => {
    expect(toArchived(new Date('2026-12-02T05:00:00Z'), 'timestamp')).toBe('2026-12-02T05:00:00.000Z');
    expect(toArchived(null, 'text')).toBeNull();
    expect(fromArchived(null, 'binary', 'binary')).toBeNull();
  });
});
