import type { Episode } from '../../../../shared/contracts/episodes';

/**
 * The one place a flagged episode (a clip in it was withdrawn, say) says what is wrong and what to do: at the top
 * of the page, before the renders and the feed, which then say only that they wait on it.
 */
export function EpisodeAttention({ episode }: { episode: Episode }) {
  if (!episode.needsRerender) return null;
  return (
    <section className="attention" aria-labelledby="attention-heading">
      <h2 className="heading-m" id="attention-heading">
        This episode needs your attention
      </h2>
      <p>{episode.rerenderReason ?? 'Something in this episode changed since it was rendered. Render it again.'}</p>
    </section>
  );
}
