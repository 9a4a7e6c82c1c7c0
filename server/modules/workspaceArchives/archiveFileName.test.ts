import { describe, expect, it } from 'vitest';
import { archiveFileName } from './workspaceArchiveOperations';

describe('the name of a workspace download', () => {
  const at = new Date('2026-12-02T05:00:00Z');

  it('is the workspace name and the day', () => {
    expect(archiveFileName('Carers’ stories', at)).toBe('Carers’ stories 2026-12-02.tar');
  });

  it('turns characters no file system takes into spaces, and names a nameless workspace', () => {
    expect(archiveFileName('Voices: north/south?', at)).toBe('Voices  north south 2026-12-02.tar');
    expect(archiveFileName('///', at)).toBe('Chorus workspace 2026-12-02.tar');
  });
});
