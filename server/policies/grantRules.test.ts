import { describe, expect, it } from 'vitest';
import { roles } from '../../shared/roles';
import { authorizeDocument, authorizeEpisode, mayDocument, mayEpisode } from './authorize';
import { documentRoleMay, episodeRoleMay, roleMay, type DocumentFacts } from './rules';

/** People as assets (issue 12 §4): an admin agrees a carer may also do one thing staff do, without becoming staff. */
describe('abilities agreed for a carer', () => {
  const script: DocumentFacts = { createdBy: 'someone', carersCanEdit: false, archived: false };

  it('let a carer with `episode.edit` assemble episodes (timeline and draft renders) but not create or publish them', () => {
    const grants = ['episode.edit'] as const;
    expect(episodeRoleMay('carer', 'episode.edit', grants)).toBe(true);
    expect(episodeRoleMay('carer', 'episode.render', grants)).toBe(true);
    for (const action of ['episode.create', 'episode.publish', 'episode.publishWithoutSignoff'] as const)
      expect(episodeRoleMay('carer', action, grants)).toBe(false);
    expect(episodeRoleMay('carer', 'episode.edit')).toBe(false);
    expect(mayEpisode({ userId: 'mary', role: 'carer', grants }, 'episode.edit')).toBe(true);
    expect(() => authorizeEpisode({ userId: 'mary', role: 'carer', grants: [] }, 'episode.edit')).toThrow(
      /Only admins and editors can change an episode/,
    );
  });

  it('let a carer with `document.edit` edit a script carers may not otherwise edit, but never an archived one', () => {
    const grants = ['document.edit'] as const;
    expect(documentRoleMay('carer', 'document.edit', 'mary', script)).toBe(false);
    expect(documentRoleMay('carer', 'document.edit', 'mary', script, grants)).toBe(true);
    expect(mayDocument({ userId: 'mary', role: 'carer', grants }, 'document.edit', script)).toBe(true);
    expect(documentRoleMay('carer', 'document.edit', 'mary', { ...script, archived: true }, grants)).toBe(false);
    // Editing is not managing, nor starting documents.
    expect(documentRoleMay('carer', 'document.manage', 'mary', script, grants)).toBe(false);
    expect(documentRoleMay('carer', 'document.create', 'mary', undefined, grants)).toBe(false);
    expect(() =>
      authorizeDocument({ userId: 'mary', role: 'carer', grants: ['episode.edit'] }, 'document.edit', script),
    ).toThrow(/not change its text/);
  });

  it('count for carers only: an expert with a stray grant row still cannot assemble episodes', () => {
    expect(episodeRoleMay('expert', 'episode.edit', ['episode.edit'])).toBe(false);
  });

  it('are agreed by admins alone; editors and admins offer tasks; everyone sees the balance of voices', () => {
    expect(roles.filter((r) => roleMay(r, 'abilities.grant'))).toEqual(['admin']);
    expect(roles.filter((r) => roleMay(r, 'tasks.offer'))).toEqual(['admin', 'editor']);
    expect(roles.filter((r) => roleMay(r, 'balance.view'))).toEqual(roles);
  });
});
