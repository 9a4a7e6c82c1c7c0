import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { commentMarkName } from '../../../../../shared/editor/commentMark';

/** Where a thread's marked words are in the editor's document. */
export interface Passage {
  from: number;
  to: number;
}

/** Every thread whose mark is in the document, with the span from its first to its last marked character. */
export function passagesIn(doc: ProseMirrorNode): Map<string, Passage> {
  const found = new Map<string, Passage>();
  doc.descendants((node, pos) => {
    if (!node.isText) return;
    for (const mark of node.marks) {
      const threadId: unknown = mark.attrs.threadId;
      if (mark.type.name !== commentMarkName || typeof threadId !== 'string') continue;
      const end = pos + node.nodeSize;
      const passage = found.get(threadId);
      if (passage) passage.to = Math.max(passage.to, end);
      else found.set(threadId, { from: pos, to: end });
    }
  });
  return found;
}

/** Two maps name the same passages at the same places (so a re-render can be skipped). */
export const samePassages = (a: Map<string, Passage>, b: Map<string, Passage> | null): boolean =>
  b !== null && a.size === b.size && [...a].every(([id, p]) => b.get(id)?.from === p.from && b.get(id)?.to === p.to);
