import type { Episode } from '../../../../../shared/contracts/episodes';
import { useResource } from '../../../app/useResource';
import { getCredits } from './publishingApi';

/** Who the feed names for this episode right now: only people who agreed to be credited by name. */
export function CreditsPreview({ episode }: { episode: Episode }) {
  // Reloaded whenever the episode changes (a render, a script, consultants), keyed by its last change.
  const [credits] = useResource(`${episode.id}:${episode.updatedAt}:${episode.latestRender?.id ?? ''}`, () =>
    getCredits(episode.id),
  );
  if (credits.status === 'loading') return <p>Loading the credits…</p>;
  if (credits.status === 'failed') return <p className="field__error">{credits.error.message}</p>;
  if (!credits.data.length) {
    return (
      <p>
        Nobody is credited by name yet. People are named only after they choose “Credit me by name” on the workspace
        page, and only once there is a render that passed.
      </p>
    );
  }
  return (
    <ul className="credits-preview">
      {credits.data.map((c) => (
        <li key={`${c.role}:${c.name}`}>
          {c.name}, {c.role}
        </li>
      ))}
    </ul>
  );
}
