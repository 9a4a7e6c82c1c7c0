import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react';
import { ClipQuote, removedQuoteNotice, type ClipQuoteAttributes } from '../../../shared/editor/clipQuote';

/** A quote in the editor: the words and speaker, a link to the moment, and a play button for that stretch. */
function ClipQuoteView({ node }: ReactNodeViewProps) {
  const q = node.attrs as ClipQuoteAttributes;
  if (q.removed)
    return (
      <NodeViewWrapper as="figure" className="clip-quote clip-quote-removed" data-clip-quote="">
        <p>{removedQuoteNotice}</p>
      </NodeViewWrapper>
    );
  const moment = q.startSeconds !== null && q.endSeconds !== null ? `#t=${q.startSeconds},${q.endSeconds}` : '';
  const play = () => {
    if (!q.clipId) return;
    void new Audio(`/api/clips/${encodeURIComponent(q.clipId)}/audio${moment}`).play().catch(() => undefined);
  };
  return (
    <NodeViewWrapper as="figure" className="clip-quote" data-clip-quote="">
      <blockquote>
        <p>“{q.text}”</p>
      </blockquote>
      <figcaption>
        — {q.speaker || 'a recording'}{' '}
        {q.clipId ? (
          <>
            <button type="button" className="button secondary small" contentEditable={false} onClick={play}>
              Play this quote
            </button>{' '}
            <a href={`/c/${encodeURIComponent(q.clipId)}${moment}`}>Open the recording here</a>
          </>
        ) : null}
      </figcaption>
    </NodeViewWrapper>
  );
}

/** The shared `clipQuote` node, drawn in the browser with its play button. */
export const ClipQuoteWithView = ClipQuote.extend({
  addNodeView() {
    return ReactNodeViewRenderer(ClipQuoteView);
  },
});
