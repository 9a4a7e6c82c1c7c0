import type { ClipSummary } from '../../../../shared/contracts/clips';
import { Link } from '../../app/router';
import { ClipStatusTag } from './ClipStatus';
import { dayWords, lengthWords, reviewWordsFor } from './clipWords';
import { ConsentGlance } from './ConsentGlance';

const openCommentWords = (n: number) =>
  n === 0 ? 'No open comments' : n === 1 ? '1 open comment' : `${n} open comments`;

/** Every recording in the workspace, newest first, with status, review and consent at a glance. */
export function ClipList({ clips, myId, plain }: { clips: ClipSummary[]; myId: string; plain: boolean }) {
  const reviewWords = reviewWordsFor(plain);
  if (clips.length === 0) return <p>There are no recordings here yet.</p>;
  return (
    <ul className="clip-list" aria-label="Recordings">
      {clips.map((clip) => (
        <li key={clip.id} className={clip.withdrawn ? 'clip-card clip-card--withdrawn' : 'clip-card'}>
          <Link className="clip-card__title" href={`/c/${encodeURIComponent(clip.id)}`}>
            {clip.title}
          </Link>
          <p className="clip-card__meta">
            Recorded by {clip.contributor.id === myId ? 'you' : clip.contributor.name} on {dayWords(clip.createdAt)}
            {clip.durationSeconds !== null ? ` · ${lengthWords(clip.durationSeconds)}` : ''}
          </p>
          <dl className="clip-card__facts">
            <div className="clip-card__fact">
              <dt>Status</dt>
              <dd className="clip-card__status">
                <ClipStatusTag clip={clip} />
              </dd>
            </div>
            <div className="clip-card__fact">
              <dt>Review</dt>
              <dd className="clip-card__review">{reviewWords[clip.reviewState]}</dd>
            </div>
            <div className="clip-card__fact">
              <dt>May be used for</dt>
              <dd className="clip-card__consent">
                <ConsentGlance
                  consent={clip.consent}
                  withdrawn={clip.withdrawn}
                  plainFor={plain ? (clip.contributor.id === myId ? 'You' : clip.contributor.name) : undefined}
                />
              </dd>
            </div>
            <div className="clip-card__fact">
              <dt>Comments</dt>
              <dd className="clip-card__comments">{openCommentWords(clip.openComments)}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
