import { useCallback, useEffect, useState } from 'react';
import type { User } from '../../../../../shared/contracts/auth';
import type { Redactions } from '../../../../../shared/contracts/redactions';
import type { MachineDraftState, Transcript } from '../../../../../shared/contracts/transcripts';
import { insertSegment, setTranscriptChecked } from '../../../../../shared/transcripts/transcriptDoc';
import { useResource } from '../../../app/useResource';
import { Button } from '../../../components/Button';
import { useLiveState } from '../../../realtime/liveState';
import { useAfterEachJoin } from '../../../realtime/roomJoins';
import { getSocket } from '../../../realtime/socket';
import { Checkbox } from '../../../components/Checkbox';
import { StatusMessage } from '../../../components/StatusMessage';
import { EditorStatus } from '../../../editor/EditorStatus';
import { clockTime } from '../clipWords';
import type { Player } from '../useWaveform';
import { machineDraftNotice } from './machineDraftWords';
import { handlePlayerKey, playerKeys } from './playerKeys';
import { getRedactions, strikeOut, undoStrikeOut } from './redactionApi';
import { QuoteChooser } from './QuoteChooser';
import { StrikeOutChooser, StruckList } from './StruckWords';
import { getTranscript } from './transcriptApi';
import { TranscriptSegmentRow } from './TranscriptSegmentRow';
import { useLiveTranscript } from './useLiveTranscript';

/** How long a new segment is at first (to the next segment or the end, when sooner). */
const newSegmentSeconds = 5;

/**
 * The clip's transcript beside its player: loaded over HTTP (where it lives, may I edit), then joined live.
 * `draft` is the newest news of speech recognition's first draft from the clip's events (null: none since loading).
 */
export function TranscriptPanel({
  clipId,
  workspaceId,
  user,
  player,
  draft,
}: {
  clipId: string;
  workspaceId: string;
  user: User;
  player: Player;
  draft: MachineDraftState | null;
}) {
  const [info] = useResource(clipId, () => getTranscript(clipId));
  return (
    <section className="panel transcript" aria-labelledby="transcript-heading">
      <h2 className="heading-l" id="transcript-heading">
        Transcript
      </h2>
      {info.status === 'loading' ? <p className="quiet">Opening the transcript…</p> : null}
      {info.status === 'failed' ? <p className="field__error">{info.error.message}</p> : null}
      {info.status === 'ready' ? (
        <LiveTranscript
          clipId={clipId}
          workspaceId={workspaceId}
          info={info.data}
          user={user}
          player={player}
          draft={draft ?? info.data.machineDraft}
        />
      ) : null}
    </section>
  );
}

/**
 * Words struck out of the clip (issue 10 §1), for those who may see the stretches (whoever may edit the
 * transcript): the contributor and admins also get the words and may strike and undo. Loaded again when someone
 * strikes or puts back words, and after each join of the workspace room (the clip page joins it): a change before
 * the join was told to nobody here. Of two answers on their way at once, the newer is shown.
 */
function useRedactions(clipId: string, workspaceId: string, visible: boolean) {
  const [redactions, live] = useLiveState<Redactions>({ redactions: [], canRedact: false });
  const [message, setMessage] = useState('');
  const reload = useCallback(async () => {
    if (visible) await live.load(() => getRedactions(clipId));
  }, [clipId, visible, live]);
  useAfterEachJoin(workspaceId, () => void reload().catch(() => undefined));
  useEffect(() => {
    reload().catch(() => undefined);
    // Someone else struck words out or put them back.
    const socket = getSocket();
    const onChange = (e: { clipId: string }) => {
      if (e.clipId === clipId) reload().catch(() => undefined);
    };
    socket.on('clip:redactions', onChange);
    return () => {
      socket.off('clip:redactions', onChange);
    };
  }, [reload, clipId]);
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setMessage(done);
    } catch (e) {
      setMessage(e instanceof Error ? e.message : 'That did not work. Try again.');
    }
    await reload().catch(() => undefined);
  };
  return {
    ...redactions,
    message,
    strike: (stretch: { startSeconds: number; endSeconds: number }) =>
      act(
        () => strikeOut(clipId, stretch.startSeconds, stretch.endSeconds),
        'Struck out. Nobody else will hear or read those words.',
      ),
    undo: (id: string) => act(() => undoStrikeOut(clipId, id), 'Put back. The words are in the transcript again.'),
  };
}

function LiveTranscript({
  clipId,
  workspaceId,
  info,
  user,
  player,
  draft,
}: {
  clipId: string;
  workspaceId: string;
  info: Transcript;
  user: User;
  player: Player;
  draft: MachineDraftState | null;
}) {
  const { doc, transcript, state } = useLiveTranscript(info.documentId, user.id, info.canEdit);
  const struck = useRedactions(clipId, workspaceId, info.canEdit);
  const notice = machineDraftNotice(draft, {
    fromMachine: info.source !== 'typed' || draft?.status === 'written',
    checked: transcript.checked,
    empty: transcript.segments.every((s) => s.text === ''),
  });
  const canEdit = state.canEdit && doc !== null;
  const ready = player.state.phase === 'ready';
  const time = player.state.time;
  const current = transcript.segments.find((s) => time >= s.startSeconds && time < s.endSeconds)?.id ?? null;

  const playFrom = (seconds: number) => {
    player.seekTo(seconds);
    if (!player.state.playing) player.playPause();
  };
  // "Insert a time" (Alt+I, or the button): a new segment stamped at the player's time, and the caret moves into
  // it, so a transcriber carries on typing the next passage without leaving the keyboard.
  const [focusSegment, setFocusSegment] = useState<string | null>(null);
  const addSegment = () => {
    if (!doc || !canEdit || !ready) return;
    const at = Math.round(player.now() * 10) / 10;
    const same = transcript.segments.find((s) => Math.abs(s.startSeconds - at) < 0.05);
    if (same) {
      setFocusSegment(same.id);
      return;
    }
    const next = transcript.segments.find((s) => s.startSeconds > at)?.startSeconds ?? player.state.duration;
    const end = Math.max(at + 0.1, Math.min(at + newSegmentSeconds, next, player.state.duration || Infinity));
    setFocusSegment(insertSegment(doc, { startSeconds: at, endSeconds: Math.round(end * 10) / 10, text: '' }));
  };

  return (
    // Player keys work anywhere in the transcript, also while typing in it.
    <div className="transcript__body" onKeyDown={(event) => handlePlayerKey(event, player, addSegment)}>
      <EditorStatus state={state} archived={false} />
      {notice ? <p className={`transcript__draft transcript__draft--${notice.tone}`}>{notice.text}</p> : null}
      {canEdit ? (
        <div className="transcript__controls">
          <Button variant="secondary" onClick={addSegment} aria-disabled={!ready || undefined}>
            New segment at {clockTime(time)}
          </Button>
        </div>
      ) : null}
      <p className="quiet transcript__keys">
        The player’s buttons are beside the transcript. Its keys work here too, also while typing:{' '}
        {playerKeys
          .filter((k) => canEdit || k.action !== 'insertTime')
          .map((k, i) => (
            <span key={k.code}>
              {i > 0 ? '; ' : ''}
              <kbd>{k.keys}</kbd> {k.does}
            </span>
          ))}
        .
      </p>
      {transcript.segments.length === 0 ? (
        <p className="transcript__empty">
          Nobody has written this recording down yet.
          {canEdit ? ' Play it, and add a segment where each passage starts.' : ''}
        </p>
      ) : (
        <ol className="transcript__segments" aria-label="Segments">
          {transcript.segments.map((segment) => (
            <TranscriptSegmentRow
              key={segment.id}
              segment={segment}
              doc={doc}
              speakerName={segment.speaker ? (transcript.speakers[segment.speaker] ?? null) : null}
              current={segment.id === current}
              focusNow={segment.id === focusSegment}
              onFocused={() => setFocusSegment(null)}
              quote={(selected) => (
                <QuoteChooser segment={segment} clipId={clipId} workspaceId={workspaceId} selected={selected} />
              )}
              canEdit={canEdit}
              playFrom={playFrom}
              wordsRemoved={struck.redactions.some(
                (r) => r.startSeconds < segment.endSeconds && r.endSeconds > segment.startSeconds,
              )}
              strikeOut={
                struck.canRedact && canEdit ? <StrikeOutChooser segment={segment} onStrike={struck.strike} /> : null
              }
            />
          ))}
        </ol>
      )}
      <StruckList redactions={struck.redactions} canRedact={struck.canRedact} onUndo={struck.undo} />
      <StatusMessage>{struck.message}</StatusMessage>
      {canEdit ? (
        <Checkbox
          id="transcript-checked"
          label="A person has checked this transcript against the recording"
          checked={transcript.checked}
          onChange={(event) => doc && setTranscriptChecked(doc, event.target.checked)}
        />
      ) : transcript.checked ? (
        <p className="quiet">A person has checked this transcript against the recording.</p>
      ) : null}
    </div>
  );
}
