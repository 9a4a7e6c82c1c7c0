import { describe, expect, it } from 'vitest';
import { offlineWords, readOnlyWords, statusWords } from './statusWords';

const state = (
  status: 'connecting' | 'synced' | 'saving' | 'offline' | 'error',
  canEdit = true,
  canSuggest = canEdit,
) => ({ status, canEdit, canSuggest, problem: null });

describe('statusWords', () => {
  it('says how things stand in words', () => {
    expect(statusWords(state('synced'), false).text).toBe('Saved');
    expect(statusWords(state('saving'), false).text).toBe('Saving…');
    expect(statusWords(state('connecting'), false).text).toBe('Connecting…');
    expect(statusWords(state('offline'), false).text).toBe(offlineWords);
  });

  it('tells people who may only read why they cannot type', () => {
    expect(statusWords(state('synced', false), false).text).toBe(readOnlyWords);
    expect(statusWords(state('synced', false), true).text).toContain('archived');
  });

  it('says a suggestion is saved like any change, for someone who may only suggest', () => {
    expect(statusWords(state('synced', false, true), false).text).toBe('Saved');
    expect(statusWords(state('saving', false, true), false).text).toBe('Saving…');
    expect(statusWords(state('offline', false, true), false).text).toBe(offlineWords);
  });

  it('passes on the server’s own words for a problem', () => {
    const problem = { code: 'not_found' as const, message: 'You no longer have access to this document.' };
    expect(statusWords({ status: 'error', canEdit: true, canSuggest: true, problem }, false)).toEqual({
      text: problem.message,
      tone: 'error',
    });
  });
});
