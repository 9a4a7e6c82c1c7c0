import { useResource } from '../../app/useResource';
import type { Clip } from '../../../../shared/contracts/clips';
import { getClipUses } from './clipsApi';

/**
 * Where this voice is used now, in plain words, so the person who made it knows what a change of mind will touch
 * before they make it. Loaded again whenever the clip changes (a new consent, a withdrawal).
 */
export function VoiceUses({ clip, mine }: { clip: Clip; mine: boolean }) {
  const [uses] = useResource(`${clip.id}:${clip.consent?.givenAt ?? ''}:${clip.withdrawn}`, () => getClipUses(clip.id));
  const whose = mine ? 'your' : `${clip.contributor.name}’s`;
  if (uses.status === 'loading') return <p className="quiet">Checking where {whose} recording is used…</p>;
  if (uses.status === 'failed') return <p className="field__error">{uses.error.message}</p>;
  const { episodes } = uses.data;
  return (
    <div className="voice-uses">
      <h3 className="heading-m">Where {whose} voice is used now</h3>
      {episodes.length === 0 ? (
        <p>Not in any episode yet.</p>
      ) : (
        <ul className="list">
          {episodes.map((e) => (
            <li key={e.id}>
              <a href={`/e/${encodeURIComponent(e.id)}`}>{e.title}</a>
              {': '}
              {[
                e.inFeed ? 'published in the podcast feed, so anyone can hear it' : null,
                e.inTimeline ? 'in the episode being put together' : null,
                e.renders > 0
                  ? e.renders === 1
                    ? 'in 1 finished version'
                    : `in ${e.renders} finished versions`
                  : null,
              ]
                .filter(Boolean)
                .join(', ')}
              .
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
