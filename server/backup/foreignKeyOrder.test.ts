import { describe, expect, it } from 'vitest';
import type { TableInfo } from './backupRepository';
import { inForeignKeyOrder } from './writeArchive';

const table = (name: string, references: string[] = []): TableInfo => ({
  name,
  columns: [],
  references,
  foreignKeys: [],
});

describe('tables in foreign-key order', () => {
  it('puts every table after the tables it points at, whatever their names', () => {
    const ordered = inForeignKeyOrder([
      table('clip_comments', ['clip_comments', 'clips', 'users']),
      table('clips', ['users', 'workspaces']),
      table('users'),
      table('workspaces', ['users']),
      table('audit_events'),
    ]).map((t) => t.name);
    expect(ordered.indexOf('users')).toBeLessThan(ordered.indexOf('workspaces'));
    expect(ordered.indexOf('workspaces')).toBeLessThan(ordered.indexOf('clips'));
    expect(ordered.indexOf('clips')).toBeLessThan(ordered.indexOf('clip_comments'));
    expect(ordered).toHaveLength(5);
  });

  it('keeps every table once when two point at each other', () => {
    expect(inForeignKeyOrder([table('b', ['a']), table('a', ['b'])]).map((t) => t.name)).toEqual(['b', 'a']);
  });
});
