import { useCallback, useEffect, useRef } from 'react';
import type { Writing } from '../../../editor/CoWritingEditor';
import { blockPlaceAtCaret, encodedPlace } from '../../../editor/quotePlace';

/**
 * Where a quote should go, asked when it is sent: the block boundary by the person's caret once they have been in
 * the text on this visit (the caret stays where they left it when they move to the quote form), otherwise
 * undefined, and the quote goes at the end.
 */
export function useCaretPlace(writing: Writing | null): () => string | undefined {
  const beenInText = useRef(false);
  useEffect(() => {
    if (!writing) return;
    const { editor } = writing;
    if (editor.isFocused) beenInText.current = true;
    const onFocus = () => {
      beenInText.current = true;
    };
    editor.on('focus', onFocus);
    return () => {
      editor.off('focus', onFocus);
    };
  }, [writing]);
  return useCallback(() => {
    if (!writing || !beenInText.current) return undefined;
    return encodedPlace(writing.doc, blockPlaceAtCaret(writing.editor.state).index);
  }, [writing]);
}
