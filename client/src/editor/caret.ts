import type { DecorationAttrs } from '@tiptap/pm/view';

/** The awareness `user` field every Chorus editor announces. */
export interface CaretUser {
  id: string;
  name: string;
  color: string;
}

const colourOf = (user: Record<string, unknown>) => (typeof user.color === 'string' ? user.color : '#0b0c0c');

/**
 * Someone else's caret: a coloured line with their name above it. Hidden from screen readers, which
 * would otherwise read the name in the middle of the text; "Who is here" says who is in the document.
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.setAttribute('aria-hidden', 'true');
  caret.style.borderColor = colourOf(user);
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = colourOf(user);
  label.textContent = typeof user.name === 'string' ? user.name : 'Someone';
  caret.append(label);
  return caret;
}

/** Someone else's selection: a light wash of their colour, so the text on it stays easy to read. */
export const renderSelection = (user: Record<string, unknown>): DecorationAttrs => ({
  nodeName: 'span',
  class: 'collaboration-carets__selection',
  style: `background-color: ${colourOf(user)}2e`,
});
