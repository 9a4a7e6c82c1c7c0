import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { ClipQuote, removedQuoteNotice, type ClipQuoteAttributes } from '../../../shared/editor/clipQuote';

/** A quote in the editor: the words and speaker, a link to the moment, and a play button for that stretch. */
function ClipQuoteView({ node }: ReactNodeViewProps) {
  const q = node.attrs as ClipQuoteAttributes;
  const audio = useRef<HTMLAudioElement | null>(null);
  const [playing, setPlaying] = useState(false);
  useEffect(() => () => audio.current?.pause(), []);
  if (q.removed)
    return (
      <NodeViewWrapper as="figure" className="clip-quote clip-quote-removed" data-clip-quote="">
        <p>{removedQuoteNotice}</p>
      </NodeViewWrapper>
    );
  const moment = q.startSeconds !== null && q.endSeconds !== null ? `#t=${q.startSeconds},${q.endSeconds}` : '';
  // The stretch plays from its start and stops at its end (the media fragment); the button says which it will do.
  const play = () => {
    if (!q.clipId) return;
    if (playing) {
      audio.current?.pause();
      return;
    }
    audio.current?.pause();
    const sound = new Audio(`/api/clips/${encodeURIComponent(q.clipId)}/audio${moment}`);
    audio.current = sound;
    sound.addEventListener('playing', () => setPlaying(true));
    for (const stop of ['pause', 'ended', 'error'] as const) sound.addEventListener(stop, () => setPlaying(false));
    void sound.play().catch(() => setPlaying(false));
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
              {playing ? 'Stop the quote' : 'Play this quote'}
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
