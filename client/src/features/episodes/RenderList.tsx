import type { Render } from '../../../../shared/contracts/episodes';
import type { Resource } from '../../app/useResource';
import { LoadState } from '../../app/LoadState';
import { LabelledSection } from '../../components/LabelledSection';
import { lengthWords } from '../clips/clipWords';
import { loudnessWords, renderStatusWords, renderWhen } from './episodeWords';
import { renderFinished } from './liveRender';
import { RenderPlayer } from './RenderPlayer';

const when = (r: Render) => renderWhen(r.createdAt);

/**
 * Every render kept, newest first; each can be listened to, with its chapters. When the episode is `outdated`
 * (flagged: a clip in it was withdrawn, say) no finished render is called ready: the reason is at the top.
 */
export function RenderList({ renders, outdated }: { renders: Resource<Render[]>; outdated: boolean }) {
  return (
    <LabelledSection className="renders" headingId="renders-heading" headingClass="heading-m" title="Renders">
      <LoadState resource={renders} loading="Loading renders…" />
      {renders.status === 'ready' && renders.data.length === 0 ? <p>Nothing has been rendered yet.</p> : null}
      {renders.status === 'ready' && renders.data.length > 0 ? (
        <ol className="renders__list" aria-label="Renders">
          {renders.data.map((r, i) => {
            const label = `Render of ${when(r)}`;
            const body = (
              <>
                <p>
                  <strong>
                    {outdated && renderFinished(r.status)
                      ? 'Made before the change at the top of this page'
                      : renderStatusWords(r)}
                  </strong>
                  {r.durationSeconds ? ` · ${lengthWords(r.durationSeconds)}` : ''}
                </p>
                {r.status === 'passed' || r.status === 'failing' ? <p>{loudnessWords(r)}</p> : null}
                {r.removedReason ? <p className="quiet">{r.removedReason}</p> : null}
                {r.audioUrl ? <RenderPlayer render={r} label={label} /> : null}
              </>
            );
            return (
              <li key={r.id} className="renders__item" aria-label={label}>
                {i === 0 ? (
                  <>
                    <h3 className="heading-s">
                      {label} <span className="quiet">(newest)</span>
                    </h3>
                    {body}
                  </>
                ) : (
                  <details>
                    <summary className="heading-s">{label}</summary>
                    {body}
                  </details>
                )}
              </li>
            );
          })}
        </ol>
      ) : null}
    </LabelledSection>
  );
}
