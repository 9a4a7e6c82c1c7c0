import type { Episode } from '../../../../../shared/contracts/episodes';
import { BackLink } from '../../../app/LoadingPages';
import { LoadState } from '../../../app/LoadState';
import { Page } from '../../../app/Page';
import { LabelledSection } from '../../../components/LabelledSection';
import { useWorkspaceRoom } from '../../../realtime/useWorkspaceRoom';
import { lengthWords } from '../../clips/clipWords';
import { loudnessWords, renderWhen } from '../episodeWords';
import { renderFinished } from '../liveRender';
import { RenderPlayer } from '../RenderPlayer';
import { YourParts } from '../signoffs/YourParts';
import { useEpisodeEvents } from '../useEpisodeEvents';
import { useRendersAndSignoffs } from '../useRendersAndSignoffs';
import { latestPassed, plainEpisodeStatus, plainDescription } from './carersEpisodeWords';
import { EpisodeWords } from './EpisodeWords';

const noChange = () => undefined;

/**
 * `/e/:episodeId` for a carer (docs/words.md): what the episode is, where it stands, their own parts, a player
 * for the newest finished sound file and what is said in it. No timeline, no bins, no render panel; the figures
 * editors use are behind "More detail".
 */
export function CarersEpisodeView({
  episode,
  workspaceName,
  reload,
}: {
  episode: Episode;
  workspaceName: string;
  reload(): void;
}) {
  // The page's one join of the workspace room: the renders, sign-offs and the episode catch up after each.
  useWorkspaceRoom(episode.workspaceId, noChange);
  const { renders, reloadRenders, signoffs, reloadSignoffs } = useRendersAndSignoffs(episode, reload);

  useEpisodeEvents(episode.id, {
    render: (e) => {
      reloadRenders();
      if (renderFinished(e.status)) {
        reload();
        reloadSignoffs();
      }
    },
    flagged: () => reload(),
  });

  const known = renders.status === 'ready' ? renders.data : [];
  const listening = latestPassed(known);
  const status = plainEpisodeStatus(episode, known);
  const about = plainDescription(episode.description);
  const override = signoffs.list.status === 'ready' ? signoffs.list.data.override : null;

  return (
    <>
      <BackLink href={`/w/${encodeURIComponent(episode.workspaceId)}/episodes`}>Back to episodes</BackLink>
      <Page title={episode.title} caption={`Episode · ${workspaceName}`}>
        <section className="panel episode-status" aria-labelledby="episode-status-heading">
          <h2 className="heading-m" id="episode-status-heading">
            Where this episode is
          </h2>
          <p>
            <strong>{status.title}.</strong> {status.detail}
          </p>
          {about ? <p>{about}</p> : null}
        </section>
        {signoffs.mine.status === 'ready' ? (
          <YourParts episodeId={episode.id} mine={signoffs.mine.data} override={override} onDecided={signoffs.reload} />
        ) : null}
        <LabelledSection className="panel" headingId="listen-heading" headingClass="heading-m" title="Listen">
          <LoadState resource={renders} loading="Loading the episode…" />
          {renders.status === 'ready' && listening ? (
            <>
              <p>The whole episode{listening.durationSeconds ? `, ${lengthWords(listening.durationSeconds)}` : ''}.</p>
              <RenderPlayer render={listening} label="the episode" />
            </>
          ) : null}
          {renders.status === 'ready' && !listening ? <p>There is nothing to listen to yet.</p> : null}
        </LabelledSection>
        {renders.status === 'ready' ? <EpisodeWords render={listening} /> : null}
        <details className="more-detail">
          <summary>More detail</summary>
          {listening ? (
            <>
              <p>
                The sound file you can listen to was made on {renderWhen(listening.createdAt)}.{' '}
                {loudnessWords(listening)}
              </p>
              {listening.transcript ? (
                <p>
                  The written words as captions files: <a href={listening.transcript.urls.vtt}>WebVTT</a>,{' '}
                  <a href={listening.transcript.urls.srt}>SubRip</a>.
                </p>
              ) : null}
            </>
          ) : (
            <p>No sound file of this episode has been made yet.</p>
          )}
          {episode.needsRerender && episode.rerenderReason ? (
            <p>What the people making the episode were told: {episode.rerenderReason}</p>
          ) : null}
        </details>
      </Page>
    </>
  );
}
