import type { CollabState } from '../realtime/collabProvider';

export type StatusTone = 'done' | 'busy' | 'warning' | 'error' | 'info';

export const offlineWords = 'Offline — your changes are kept on this device and will be sent when you reconnect';
export const readOnlyWords = 'You can read and comment on this document, but not edit it';
export const suggestOnlyWords = 'You can suggest changes: an editor accepts or rejects them';

/** How the document stands, always in words. */
export function statusWords(state: CollabState, archived: boolean): { text: string; tone: StatusTone } {
  switch (state.status) {
    case 'error':
      return {
        text: state.problem?.message ?? 'Something went wrong. Reload the page; your changes are kept on this device.',
        tone: 'error',
      };
    case 'offline':
      return state.canEdit || state.canSuggest
        ? { text: offlineWords, tone: 'warning' }
        : { text: 'Offline — trying to reconnect…', tone: 'warning' };
    case 'connecting':
      return { text: 'Connecting…', tone: 'busy' };
    default:
      break;
  }
  if (!state.canEdit && !state.canSuggest) {
    return archived
      ? { text: 'This document is archived, so nobody can change it. You can still read it.', tone: 'info' }
      : { text: readOnlyWords, tone: 'info' };
  }
  return state.status === 'saving' ? { text: 'Saving…', tone: 'busy' } : { text: 'Saved', tone: 'done' };
}

/** Why a change was not made while suggesting: suggestions can only mark words (see `asSuggestion`). */
export function suggestionRefusedWords(canEdit: boolean): string {
  const instead = canEdit
    ? 'Select the words themselves, choose “Editing”, or leave a comment.'
    : 'Select the words themselves, or leave a comment.';
  return `That cannot be taken out as a suggestion: a suggestion can only mark words, not a whole quotation, line, picture or paragraph. ${instead}`;
}
