import type { Episode } from '../../../../shared/contracts/episodes';
import { Link } from '../../app/router';
import { totalWords } from './episodeWords';

const stateWords = (e: Episode) =>
  e.publishedAt
    ? e.needsRerender
      ? 'Published — needs attention'
      : 'Published'
    : e.latestRender?.status === 'passed'
      ? 'Rendered, not published'
      : 'Draft';

export function EpisodeList({ episodes }: { episodes: Episode[] }) {
  if (episodes.length === 0) return <p>There are no episodes here yet.</p>;
  return (
    <ul className="card-list" aria-label="Episodes">
      {episodes.map((e) => (
        <li key={e.id} className="card-list__item">
          <Link className="card-list__link" href={`/e/${encodeURIComponent(e.id)}`}>
            {e.title}
          </Link>
          <span className="card-list__meta">
            {[
              e.number !== null ? `Episode ${e.number}` : null,
              stateWords(e),
              `Length: ${totalWords(e.totalSeconds).toLowerCase()}`,
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </li>
      ))}
    </ul>
  );
}
