import { describe, expect, it } from 'vitest';
import type { AppError } from '../errors';
import { authorizeEpisode } from './authorize';
import { episodeRoleMay, type EpisodeAction } from './rules';

describe('episode rules (PRODUCT.md: create, edit, render, publish → admin, editor; view → everyone)', () => {
  const actions: EpisodeAction[] = ['episode.create', 'episode.edit', 'episode.render', 'episode.publish'];
  it.each(['admin', 'editor'] as const)('%s may do everything', (role) => {
    for (const a of [...actions, 'episode.view' as const]) expect(episodeRoleMay(role, a)).toBe(true);
  });
  it.each(['expert', 'carer'] as const)('%s may only view', (role) => {
    expect(episodeRoleMay(role, 'episode.view')).toBe(true);
    for (const a of actions) expect(episodeRoleMay(role, a)).toBe(false);
  });
  it('answers a non-member with 404 and a member without the right with 403 saying why', () => {
    expect(() => authorizeEpisode({ userId: 'u', role: undefined }, 'episode.view')).toThrow(
      expect.objectContaining({ status: 404 }) as AppError,
    );
    expect(() => authorizeEpisode({ userId: 'u', role: 'carer' }, 'episode.render')).toThrow(
      /Only admins and editors can render/,
    );
  });
});

describe('publishing before everyone heard has signed off (issue 12 §2)', () => {
  it('is for admins alone; an editor is told to wait or ask an admin', () => {
    expect(episodeRoleMay('admin', 'episode.publishWithoutSignoff')).toBe(true);
    for (const role of ['editor', 'expert', 'carer'] as const)
      expect(episodeRoleMay(role, 'episode.publishWithoutSignoff')).toBe(false);
    expect(() => authorizeEpisode({ userId: 'u', role: 'editor' }, 'episode.publishWithoutSignoff')).toThrow(
      /Only an admin can publish an episode before everyone heard in it has signed off/,
    );
  });
});
