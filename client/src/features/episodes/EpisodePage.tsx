import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ClipSummary } from '../../../../shared/contracts/clips';
import type { Episode, MusicRole, Render, Show } from '../../../../shared/contracts/episodes';
import type { MusicAsset } from '../../../../shared/contracts/music';
import type { ApiError } from '../../api/ApiError';
import { LoadedPage } from '../../app/LoadedPage';
import { BackLink, LoadingPage } from '../../app/LoadingPages';
import { Page } from '../../app/Page';
import { useResource } from '../../app/useResource';
import { focusWhenShown } from '../../components/focusWhenShown';
import { StatusMessage } from '../../components/StatusMessage';
import { LiveLine } from '../clips/LiveLine';
import { useClipList } from '../clips/useClipList';
import { CarersEpisodeView } from './carers/CarersEpisodeView';
import { ClipBin } from './ClipBin';
import { renderFinished, withLiveNews, type RenderNews } from './liveRender';
import type { Dragged } from './dragging';
import { EpisodeAttention } from './EpisodeAttention';
import { EpisodeDetailsForm } from './EpisodeDetailsForm';
import { getEpisode, getShow } from './episodesApi';
import { MusicBin } from './MusicBin';
import { PublishPanel } from './PublishPanel';
import { EpisodePublishingPanel } from './publishing/EpisodePublishingPanel';
import { RenderList } from './RenderList';
import { RenderPanel } from './RenderPanel';
import type { TimelineItem } from './timeline/timelineHandle';
import { useTimeline } from './timeline/useTimeline';
import { TimelineEditor } from './TimelineEditor';
import { timelineItemTitleId } from './TimelineItemRow';
import { useClipPreview } from './useClipPreview';
import { useEpisodeEvents } from './useEpisodeEvents';
import { useWorkspacePage } from '../workspaces/useWorkspacePage';
import { useMusicList } from './useMusicList';
import { SignoffPanel } from './signoffs/SignoffPanel';
import { publishWaitsFor } from './signoffs/signoffWords';
import { useRendersAndSignoffs } from './useRendersAndSignoffs';
import { YourParts } from './signoffs/YourParts';
import { problemsByItem, usableClips, withWithdrawnMarked } from './usableClips';

/** `/e/:episodeId`: build the episode from clips, render it, listen to the renders and publish. */
export function EpisodePage({ episodeId }: { episodeId: string }) {
  return (
    <LoadedPage
      id={episodeId}
      load={getEpisode}
      thing="episode"
      loadingTitle="Episode"
      loadingText="Loading the episode…"
    >
      {(episode, user, reload) => <EpisodeViewFor episode={episode} myId={user.id} reload={reload} />}
    </LoadedPage>
  );
}

/**
 * A carer who may not edit the episode gets a plain view of it (listen, their parts, what is said); everyone else
 * the editors' view, which experts watch live as it is built. Decided by the workspace role, as the other pages do
 * (docs/words.md), and by the episode's abilities, so a carer granted editing keeps the tools.
 */
function EpisodeViewFor({ episode, myId, reload }: { episode: Episode; myId: string; reload(): void }) {
  const { workspace } = useWorkspacePage(episode.workspaceId);
  if (workspace.status === 'loading') return <LoadingPage title={episode.title}>Loading the episode…</LoadingPage>;
  if (workspace.status === 'ready' && workspace.data.role === 'carer' && !episode.abilities.edit)
    return <CarersEpisodeView episode={episode} workspaceName={workspace.data.name} reload={reload} />;
  return <EpisodeView episode={episode} myId={myId} reload={reload} />;
}

function EpisodeView({ episode, myId, reload }: { episode: Episode; myId: string; reload(): void }) {
  const handle = useTimeline(episode);
  const { list, room } = useClipList(episode.workspaceId);
  const preview = useClipPreview();
  const { list: musicList, reload: reloadMusic } = useMusicList(episode.workspaceId);
  const { workspace } = useWorkspacePage(episode.workspaceId);
  const [show] = useResource(episode.workspaceId, (): Promise<Show | null> => getShow(episode.workspaceId));
  const [live, setLive] = useState<Map<string, RenderNews>>(new Map());
  const [refused, setRefused] = useState<ApiError | null>(null);
  const [dragged, setDragged] = useState<Dragged | null>(null);
  const [news, setNews] = useState('');
  const { renders, reloadRenders, signoffs } = useRendersAndSignoffs(episode, reload);

  // A refused render's words are about the timeline as it was; once it changes they may no longer be true.
  useEffect(() => setRefused(null), [handle.timeline]);

  const known = renders.status === 'ready' ? renders.data : [];
  useEpisodeEvents(episode.id, {
    render: (e) => {
      setLive((m) => new Map(m).set(e.renderId, { status: e.status, progress: e.progress }));
      if (!known.some((r) => r.id === e.renderId) || renderFinished(e.status)) reloadRenders();
      if (renderFinished(e.status)) {
        reload();
        signoffs.reload();
      }
    },
    // Said as it happens; the page then shows it at the top (EpisodeAttention).
    flagged: (e) => {
      setNews(e.reason);
      reload();
    },
  });

  const withLive = (r: Render): Render => withLiveNews(r, live.get(r.id));
  const newest = known[0] ?? episode.latestRender;
  const latest = newest ? withLive(newest) : null;

  const clips = useMemo(
    () => new Map<string, ClipSummary>(list.status === 'ready' ? list.data.map((c) => [c.id, c]) : []),
    [list],
  );
  const newItemFor = useCallback(
    (clipId: string): TimelineItem | null => {
      const clip = clips.get(clipId);
      if (!clip || !usableClips([clip]).length) return null;
      return {
        kind: 'clip',
        clipId,
        inSeconds: 0,
        outSeconds: Math.floor((clip.durationSeconds ?? 0) * 1000) / 1000,
        gainDb: 0,
        crossfadeSeconds: 0,
      };
    },
    [clips],
  );
  const add = (clip: ClipSummary) => {
    const item = newItemFor(clip.id);
    if (!item) return;
    const at = handle.timeline.items.length;
    handle.insertItem(at, item);
    setNews(`Added “${clip.title}” to the end of the episode, as item ${at + 1}.`);
    focusWhenShown(timelineItemTitleId(at));
  };
  const music = useMemo(
    () => new Map<string, MusicAsset>(musicList.status === 'ready' ? musicList.data.map((m) => [m.id, m]) : []),
    [musicList],
  );
  const addMusic = (m: MusicAsset, role: MusicRole) => {
    const items = handle.timeline.items;
    const afterIntros = items.findIndex((i) => !(i.kind === 'music' && i.role === 'intro'));
    // Intros open the episode, outros close it; music under speech goes in after the intros, under the first story.
    const at = role === 'intro' ? 0 : role === 'outro' ? items.length : afterIntros === -1 ? items.length : afterIntros;
    const outSeconds = Math.floor((m.durationSeconds ?? 0) * 1000) / 1000;
    handle.insertItem(at, {
      kind: 'music',
      assetId: m.id,
      role,
      inSeconds: 0,
      outSeconds,
      gainDb: 0,
      crossfadeSeconds: role === 'bed' ? 2 : 0,
      leadSeconds: 0,
      duckDb: 12,
    });
    setNews(`Added “${m.title}” as ${role === 'bed' ? 'music under speech' : `the ${role}`}, item ${at + 1}.`);
    focusWhenShown(timelineItemTitleId(at));
  };
  const problems = problemsByItem(refused);
  const itemProblems = withWithdrawnMarked(problems.byItem, handle.timeline.items, clips);
  const workspaceName = workspace.status === 'ready' ? workspace.data.name : undefined;
  const signoffList = signoffs.list.status === 'ready' ? signoffs.list.data : null;

  return (
    <>
      <BackLink href={`/w/${encodeURIComponent(episode.workspaceId)}/episodes`}>Back to episodes</BackLink>
      <Page
        title={episode.title}
        caption={workspaceName ? `Episode · ${workspaceName}` : 'Episode'}
        hasError={handle.error !== null || refused !== null}
        wide
      >
        <EpisodeAttention episode={episode} />
        {signoffs.mine.status === 'ready' ? (
          <YourParts
            episodeId={episode.id}
            mine={signoffs.mine.data}
            override={signoffList?.override ?? null}
            onDecided={signoffs.reload}
          />
        ) : null}
        <LiveLine room={room} />
        <EpisodeDetailsForm episode={episode} onSaved={reload} />
        <div className="visually-hidden">
          <StatusMessage>{news}</StatusMessage>
        </div>
        <div className="builder">
          <div className="builder__bins">
            <ClipBin
              list={list}
              canEdit={handle.canEdit}
              preview={preview}
              onAdd={add}
              onDragStart={setDragged}
              onDragEnd={() => setDragged(null)}
            />
            <MusicBin
              workspaceId={episode.workspaceId}
              list={musicList}
              canEdit={handle.canEdit}
              preview={preview}
              onAdd={addMusic}
              onUploaded={reloadMusic}
            />
          </div>
          <TimelineEditor
            handle={handle}
            clips={clips}
            music={music}
            itemProblems={itemProblems}
            otherProblems={problems.other}
            dragged={dragged}
            preview={preview}
            onDragStart={setDragged}
            onDragEnd={() => setDragged(null)}
            newItemFor={newItemFor}
          />
        </div>
        <RenderPanel
          episode={episode}
          handle={handle}
          latest={latest}
          refusal={refused?.message ?? null}
          onStarted={(r) => {
            setLive((m) => new Map(m).set(r.id, { status: r.status, progress: r.progress }));
            reloadRenders();
          }}
          onRefused={setRefused}
        />
        <RenderList
          renders={renders.status === 'ready' ? { status: 'ready', data: renders.data.map(withLive) } : renders}
          outdated={episode.needsRerender}
        />
        {episode.abilities.publish && signoffList ? (
          <SignoffPanel workspaceId={episode.workspaceId} list={signoffList} onChanged={signoffs.reload} />
        ) : null}
        <PublishPanel
          episode={episode}
          show={show.status === 'ready' ? show.data : null}
          waitsFor={signoffList ? publishWaitsFor(signoffList, myId) : null}
          mayOverride={signoffList?.abilities.override ?? false}
          onChanged={() => {
            reload();
            signoffs.reload();
          }}
        />
        <EpisodePublishingPanel
          episode={episode}
          show={show.status === 'ready' ? show.data : null}
          onChanged={reload}
        />
      </Page>
    </>
  );
}
