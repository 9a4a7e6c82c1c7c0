import { useState } from 'react';
import type { Episode, Render } from '../../../../shared/contracts/episodes';
import { toApiError, type ApiError } from '../../api/ApiError';
import { Button } from '../../components/Button';
import { StatusMessage } from '../../components/StatusMessage';
import { LabelledSection } from '../../components/LabelledSection';
import { ProblemAlert } from '../../components/ProblemAlert';
import { loudnessWords, renderStatusWords } from './episodeWords';
import { startRender } from './episodesApi';
import { renderFinished } from './liveRender';
import type { TimelineHandle } from './timeline/timelineHandle';

interface RenderPanelProps {
  episode: Episode;
  handle: TimelineHandle;
  /** The newest render as the live events last told it. */
  latest: Render | null;
  /** Why the last render was refused, until the timeline changes. */
  refusal: string | null;
  onStarted(render: Render): void;
  /** A refused render: its problems belong next to the timeline. */
  onRefused(error: ApiError | null): void;
}

/** "Render episode": saves what is on screen first, then renders it as a job whose progress arrives live. */
export function RenderPanel({ episode, handle, latest, refusal, onStarted, onRefused }: RenderPanelProps) {
  const [busy, setBusy] = useState(false);
  const running = latest !== null && !renderFinished(latest.status);
  // A flagged episode's finished render is not ready for anything: the reason is at the top of the page.
  const outdated = episode.needsRerender && !running;

  const render = async () => {
    if (busy || running) return;
    setBusy(true);
    onRefused(null);
    try {
      // The server renders the stored timeline: make sure it is the one on screen.
      await handle.whenSaved?.();
      onStarted(await startRender(episode.id));
    } catch (e) {
      onRefused(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <LabelledSection className="panel render-panel" headingId="render-heading" headingClass="heading-m" title="Render">
      <p>
        Rendering makes the episode’s sound file: it joins the timeline into one MP3 at the right loudness for podcasts.
        It takes a minute or two; you can keep working meanwhile.
      </p>
      {episode.abilities.render ? (
        <Button onClick={render} busy={busy || running} aria-describedby="render-state">
          {running ? 'Rendering…' : 'Render episode'}
        </Button>
      ) : (
        <p className="quiet">Admins and editors make the episode’s sound file.</p>
      )}
      <ProblemAlert problem={refusal} />
      <div id="render-state">
        {latest ? (
          <>
            {running ? (
              <div className="render-progress">
                <label htmlFor="render-progress">Progress</label>
                <progress id="render-progress" max={1} value={latest.progress ?? 0} />
              </div>
            ) : null}
            {outdated ? (
              <StatusMessage>
                <span className="render-panel__status">
                  Latest render: made before the change at the top of this page. Render the episode again.
                </span>
              </StatusMessage>
            ) : (
              <StatusMessage tone={latest.status === 'passed' ? 'success' : 'info'}>
                <span className="render-panel__status">Latest render: {renderStatusWords(latest)}.</span>
                {latest.status === 'passed' || latest.status === 'failing' ? <> {loudnessWords(latest)}</> : null}
              </StatusMessage>
            )}
          </>
        ) : (
          <StatusMessage />
        )}
      </div>
    </LabelledSection>
  );
}
