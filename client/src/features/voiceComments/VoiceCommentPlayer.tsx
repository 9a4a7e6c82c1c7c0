import { useCallback, useEffect, useId, useState } from 'react';
import type { VoiceComment } from '../../../../shared/contracts/voiceComments';
import { isApiError, toApiError } from '../../api/ApiError';
import { Button } from '../../components/Button';
import { StatusMessage } from '../../components/StatusMessage';
import { useLiveState } from '../../realtime/liveState';
import { useAfterEachJoin } from '../../realtime/roomJoins';
import { getSocket } from '../../realtime/socket';
import { clockTime } from '../clips/clipWords';
import { VoiceCommentWords } from './VoiceCommentWords';
import { deleteVoiceComment, getVoiceComment } from './voiceCommentsApi';

type Shown =
  | { kind: 'loading' }
  | { kind: 'gone' }
  | { kind: 'problem'; message: string }
  | { kind: 'shown'; voice: VoiceComment };

/**
 * A voice comment where its comment is: a player, its words (or "No words written down yet"), and for its maker a
 * way to write the words and to delete it. Kept live by `voiceComment:changed`: ready, words, deleted; loaded again
 * after each join of the room (joined by the page), as a change before it was told to nobody here.
 */
export function VoiceCommentPlayer({ id, workspaceId }: { id: string; workspaceId: string }) {
  const [shown, live] = useLiveState<Shown>({ kind: 'loading' });
  const [said, setSaid] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const labelId = useId();

  // An answer that comes after the news that it was deleted (or after a newer answer) does not bring it back.
  const load = useCallback(
    () =>
      live.load(() =>
        getVoiceComment(id).then(
          (voice): Shown => ({ kind: 'shown', voice }),
          (e: unknown): Shown =>
            isApiError(e) && e.status === 404 ? { kind: 'gone' } : { kind: 'problem', message: toApiError(e).message },
        ),
      ),
    [id, live],
  );
  useAfterEachJoin(workspaceId, () => void load());

  useEffect(() => {
    void load();
    const socket = getSocket();
    const listener = (e: { workspaceId: string; voiceCommentId: string; change: string }) => {
      if (e.workspaceId !== workspaceId || e.voiceCommentId !== id) return;
      if (e.change === 'deleted') live.change(() => ({ kind: 'gone' }));
      else void load();
    };
    socket.on('voiceComment:changed', listener);
    return () => {
      socket.off('voiceComment:changed', listener);
    };
  }, [id, workspaceId, load, live]);

  const remove = async () => {
    setBusy(true);
    try {
      await deleteVoiceComment(id);
      live.change(() => ({ kind: 'gone' }));
      setSaid('Your voice comment is deleted.');
    } catch (e) {
      setSaid('');
      live.change(() => ({ kind: 'problem', message: toApiError(e).message }));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  if (shown.kind === 'loading') return <p className="quiet">Loading the voice comment…</p>;
  if (shown.kind === 'gone')
    return (
      <>
        <p className="voice-comment voice-comment--gone">
          This voice comment was deleted by the person who recorded it.
        </p>
        <StatusMessage tone="success">{said}</StatusMessage>
      </>
    );
  if (shown.kind === 'problem') return <p className="field__error">{shown.message}</p>;
  const { voice } = shown;
  const length = voice.durationSeconds !== null ? ` (${clockTime(voice.durationSeconds)})` : '';

  return (
    <div className="voice-comment">
      <p className="voice-comment__label" id={labelId}>
        Voice comment from {voice.maker.name}
        {length}
      </p>
      {voice.audioUrl ? (
        <audio
          className="voice-comment__audio"
          controls
          preload="metadata"
          src={voice.audioUrl}
          aria-labelledby={labelId}
        />
      ) : voice.status === 'failed' ? (
        <p className="field__error">{voice.failureReason ?? 'This voice comment could not be got ready.'}</p>
      ) : (
        <p className="quiet">Getting the voice comment ready to play…</p>
      )}
      <VoiceCommentWords voice={voice} onChanged={(v) => live.change(() => ({ kind: 'shown', voice: v }))} />
      {voice.abilities.delete ? (
        confirming ? (
          <div className="button-group" role="group" aria-label="Delete this voice comment?">
            <p>Delete this voice comment? Nobody will be able to hear it again.</p>
            <Button variant="warning" busy={busy} onClick={() => void remove()}>
              Yes, delete it
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
          </div>
        ) : (
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            Delete voice comment
          </Button>
        )
      ) : null}
      <StatusMessage tone="success">{said}</StatusMessage>
    </div>
  );
}
