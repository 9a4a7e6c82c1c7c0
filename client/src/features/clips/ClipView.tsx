import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { User } from '../../../../shared/contracts/auth';
import type { Clip, Comment, CommentThread } from '../../../../shared/contracts/clips';
import type { MachineDraftState } from '../../../../shared/contracts/transcripts';
import { Page } from '../../app/Page';
import { Link } from '../../app/router';
import { StatusMessage } from '../../components/StatusMessage';
import { ClipFacts } from './ClipFacts';
import { getClip, listComments } from './clipsApi';
import { clockTime, dayWords } from './clipWords';
import { CommentsSection } from './CommentsSection';
import { ConsentPanel } from './ConsentPanel';
import { LiveLine } from './LiveLine';
import { ReviewPanel } from './ReviewPanel';
import { mergeComment, sortThreads } from './threads';
import { useClipEvents } from './useClipEvents';
import { markersFor, useWaveform } from './useWaveform';
import { WaveformPlayer } from './WaveformPlayer';
import { getTranscript } from './transcript/transcriptApi';
import { TranscriptPanel } from './transcript/TranscriptPanel';
import { usePlayFromLink } from './transcript/usePlayFromLink';

/** The review screen for a loaded clip, kept live by the workspace's clip events. */
export function ClipView({ initial, user }: { initial: Clip; user: User }) {
  const [clip, setClip] = useState(initial);
  const [threads, setThreads] = useState<CommentThread[]>([]);
  const [threadsProblem, setThreadsProblem] = useState<string | null>(null);
  const [news, setNews] = useState('');
  const [draft, setDraft] = useState<MachineDraftState | null>(null);
  const [audioVersion, setAudioVersion] = useState(0);

  const reloadClip = useCallback(() => {
    getClip(initial.id).then(setClip, () => undefined); // keep what we show; the next event or reload tries again
  }, [initial.id]);
  const reloadThreads = useCallback(() => {
    listComments(initial.id).then(
      (t) => {
        setThreads(sortThreads(t));
        setThreadsProblem(null);
      },
      () => setThreadsProblem('The comments could not be loaded. Reload the page to try again.'),
    );
  }, [initial.id]);
  useEffect(reloadThreads, [reloadThreads]);

  // Where speech recognition's first draft stands, asked again after each join of the room (news sent before the
  // join reached nobody). An event that arrives while the answer is on its way is newer than the answer: it wins.
  const draftEvents = useRef(0);
  const reloadDraft = useCallback(() => {
    const seen = draftEvents.current;
    getTranscript(initial.id).then(
      (t) => seen === draftEvents.current && setDraft(t.machineDraft),
      () => undefined,
    );
  }, [initial.id]);

  const mergeOne = useCallback((comment: Comment) => setThreads((t) => mergeComment(t, comment)), []);
  const here = (e: { clipId: string }) => e.clipId === clip.id;

  const room = useClipEvents(clip.workspaceId, {
    'clip:status': (e) => {
      if (!here(e)) return;
      setClip((c) => ({ ...c, status: e.status, failureReason: e.failureReason }));
      if (e.status === 'ready' || e.status === 'failed') {
        reloadClip();
        setNews(e.status === 'ready' ? 'The recording is ready to play.' : 'The recording could not be processed.');
      }
    },
    'clip:progress': (e) =>
      here(e) && setClip((c) => (c.status === 'ready' ? c : { ...c, status: 'processing', progress: e.progress })),
    'clip:review': (e) => {
      if (!here(e)) return;
      setClip((c) => ({ ...c, review: { state: e.state, updatedBy: e.by, updatedAt: e.at, note: e.note } }));
    },
    'clip:consent': (e) => here(e) && reloadClip(),
    // Struck-out words were silenced (or put back) in what others hear: load the sound again. Its maker always
    // hears it as recorded, so nothing changes for them.
    'clip:audio': (e) => {
      if (!here(e) || clip.contributor.id === user.id) return;
      setAudioVersion((n) => n + 1);
      setNews('The recording’s sound was updated to match the words its maker struck out or put back.');
    },
    'transcript:draft': (e) => {
      if (!here(e)) return;
      draftEvents.current += 1;
      setDraft({ status: e.status, progress: e.progress, failureReason: e.failureReason });
      if (e.status === 'written') setNews('Speech recognition wrote a first draft of the transcript. Please check it.');
      if (e.status === 'failed') setNews('Speech recognition could not write a first draft of the transcript.');
    },
    'clip:withdrawn': (e) => {
      if (!here(e)) return;
      reloadClip();
      setNews('Consent for this recording was withdrawn. The audio has been deleted.');
    },
    'clip:comment': (e) => {
      if (!here(e)) return;
      mergeOne(e.comment);
      if (e.change === 'created' && e.comment.author.id !== user.id) {
        setNews(
          e.comment.parentId
            ? `${e.comment.author.name} replied: ${e.comment.body}`
            : `${e.comment.author.name} commented at ${clockTime(e.comment.atSeconds ?? 0)}: ${e.comment.body}`,
        );
      }
    },
    resync: () => {
      reloadClip();
      reloadThreads();
      reloadDraft();
    },
  });

  // When the recording is withdrawn, the controls someone may have been using are gone: focus moves to the notice.
  const goneNotice = useRef<HTMLParagraphElement>(null);
  const wasWithdrawn = useRef(clip.withdrawn);
  useEffect(() => {
    if (clip.withdrawn && !wasWithdrawn.current) {
      const focus = document.activeElement;
      if (!focus || focus === document.body) goneNotice.current?.focus();
    }
    wasWithdrawn.current = clip.withdrawn;
  }, [clip.withdrawn]);

  const playable = clip.status === 'ready' && !clip.withdrawn && clip.urls !== null;
  const urls = useMemo(
    () =>
      playable && clip.urls
        ? audioVersion === 0
          ? clip.urls
          : { ...clip.urls, audio: `${clip.urls.audio}${clip.urls.audio.includes('?') ? '&' : '?'}v=${audioVersion}` }
        : null,
    [playable, clip.urls, audioVersion],
  );
  const markers = useMemo(() => markersFor(threads), [threads]);
  const player = useWaveform(urls, markers);
  usePlayFromLink(player);

  return (
    <>
      <p className="back-link-row">
        <Link className="back-link" href={`/w/${encodeURIComponent(clip.workspaceId)}/clips`}>
          All recordings
        </Link>
      </p>
      <Page title={clip.title} caption="Recording" wide>
        <div className="clip-page">
          <LiveLine room={room} />
          <div className="visually-hidden">
            <StatusMessage>{news}</StatusMessage>
          </div>
          <ClipFacts clip={clip} myId={user.id} />
          {playable ? (
            <div className="clip-listen">
              <section className="panel player-panel" aria-labelledby="listen-heading">
                <h2 className="heading-l" id="listen-heading">
                  Listen
                </h2>
                <WaveformPlayer player={player} title={clip.title} linkPath={`/c/${encodeURIComponent(clip.id)}`} />
              </section>
              <TranscriptPanel
                clipId={clip.id}
                workspaceId={clip.workspaceId}
                user={user}
                player={player}
                draft={draft}
              />
            </div>
          ) : null}
          {clip.withdrawn ? (
            <p className="clip-gone" tabIndex={-1} ref={goneNotice}>
              <span className="clip-gone__icon" aria-hidden="true" />
              Consent withdrawn on {dayWords(clip.withdrawnAt ?? clip.createdAt)}
              {withdrawerWords(clip, user.id)}. The audio has been deleted.
            </p>
          ) : null}
          {!clip.withdrawn && clip.status !== 'ready' && clip.status !== 'failed' ? (
            <p className="clip-waiting">
              You can listen to it here as soon as it has been processed. This page updates by itself.
            </p>
          ) : null}
          {threadsProblem ? <p className="field__error">{threadsProblem}</p> : null}
          <CommentsSection
            clipId={clip.id}
            workspaceId={clip.workspaceId}
            threads={threads}
            myId={user.id}
            canComment={clip.abilities.comment}
            duration={clip.media?.durationSeconds ?? null}
            player={playable && player.state.phase === 'ready' ? player : null}
            onChanged={mergeOne}
          />
          <ReviewPanel
            clip={clip}
            myId={user.id}
            now={player.now}
            onChanged={(updated) => {
              setClip(updated);
              // A request for changes also left its note as a comment; fetch it rather than wait for the live event.
              if (updated.review.state === 'changes_requested') reloadThreads();
            }}
          />
          <ConsentPanel clip={clip} myId={user.id} onChanged={setClip} />
        </div>
      </Page>
    </>
  );
}

/** " by you", " by Ann" (the contributor), or " by Ed for Ann" when an admin withdrew on the contributor's behalf. */
function withdrawerWords(clip: Clip, myId: string): string {
  const by = clip.withdrawnBy;
  if (!by) return '';
  const name = (p: { id: string; name: string }) => (p.id === myId ? 'you' : p.name);
  return by.id === clip.contributor.id ? ` by ${name(by)}` : ` by ${name(by)} for ${name(clip.contributor)}`;
}
