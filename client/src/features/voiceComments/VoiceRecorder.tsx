import { useEffect, useId, useRef, useState } from 'react';
import {
  voiceCommentMaxSeconds,
  type VoiceComment,
  type VoiceCommentTarget,
} from '../../../../shared/contracts/voiceComments';
import { toApiError } from '../../api/ApiError';
import { Button } from '../../components/Button';
import { StatusMessage } from '../../components/StatusMessage';
import { LevelMeter } from '../recording/LevelMeter';
import { MicrophoneHelp } from '../recording/MicrophoneHelp';
import { pieceStore } from '../recording/pieceStore';
import { elapsedWords } from '../recording/recordingWords';
import { UploadLine } from '../recording/UploadLine';
import { useTake } from '../recording/useTake';
import { sendVoiceComment } from './voiceCommentsApi';

interface VoiceRecorderProps {
  workspaceId: string;
  userId: string;
  target: VoiceCommentTarget;
  /** What it is: "voice comment" or "voice reply", in the words on the buttons. */
  noun: string;
  onSent(voice: VoiceComment): void;
  onCancel(): void;
}

const limitMs = voiceCommentMaxSeconds * 1000;

/**
 * The "Tell a story" recorder in a compact form, for a comment: Record, Stop, listen back, Send. Its pieces go to
 * the server while the person speaks, as a story's do; it stops by itself at 3 minutes.
 */
export function VoiceRecorder({ workspaceId, userId, target, noun, onSent, onCancel }: VoiceRecorderProps) {
  const take = useTake(workspaceId, userId, 'voiceComment');
  const { recorder } = take;
  const { state, problem } = recorder;
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const main = useRef<HTMLButtonElement>(null);
  const send = useRef<HTMLButtonElement>(null);
  const headingId = useId();
  const active = state === 'recording' || state === 'paused' || state === 'starting' || state === 'stopping';

  // Focus on the one thing to do next: Start (at first, and after "Record again"), Stop, then Send.
  useEffect(() => {
    if (state === 'idle' || state === 'recording') main.current?.focus();
  }, [state]);
  // The limit is kept here as well as on the server: nothing past 3 minutes is ever recorded.
  useEffect(() => {
    if (state === 'recording' && recorder.elapsedMs >= limitMs) {
      void recorder.stop();
      setSaid(`Your ${noun} has reached 3 minutes, the longest it can be, so recording stopped.`);
    }
  }, [state, recorder, noun]);
  useEffect(() => {
    if (state === 'recording') setSaid('Recording');
    if (state === 'stopped') {
      setSaid((s) => (s.startsWith('Your') ? s : 'Stopped. Listen back, then send it or record again.'));
      requestAnimationFrame(() => send.current?.focus());
    }
  }, [state]);

  const submit = async () => {
    if (sending) return;
    const sendable = take.sendable('');
    setSending(true);
    setError(null);
    setSaid(`Sending your ${noun}…`);
    try {
      const status = sendable?.uploader ? await sendable.uploader.settled() : null;
      if (!sendable || !status?.serverId) {
        setError(`Nothing from this recording has reached Chorus yet. Record your ${noun} again.`);
        setSaid('');
        setSending(false);
        return;
      }
      const voice = await sendVoiceComment(status.serverId, target);
      sendable.uploader?.stop();
      if (sendable.localKey) await (await pieceStore()).forget(sendable.localKey).catch(() => undefined);
      take.clear();
      onSent(voice);
    } catch (e) {
      setError(toApiError(e).message);
      setSaid('');
      setSending(false);
    }
  };

  const cancel = async () => {
    await take.discard();
    onCancel();
  };

  return (
    <section className="voice-recorder" aria-labelledby={headingId}>
      <h4 className="heading-s" id={headingId}>
        Record a {noun}
      </h4>
      <p className="voice-recorder__promise">
        Only people in this workspace will hear it and read its words. It is never published. You can delete it at any
        time. It can be up to 3 minutes long.
      </p>
      {problem && state === 'idle' ? (
        <MicrophoneHelp problem={problem} onTryAgain={() => void take.begin(`A ${noun}`)} />
      ) : (
        <>
          <p className="recorder__clock">
            <span role="timer" aria-label="Time recorded">
              {elapsedWords(recorder.elapsedMs)}
            </span>{' '}
            of 3:00
          </p>
          {state !== 'stopped' ? (
            <LevelMeter level={recorder.level} active={state === 'recording'} hearing={recorder.hearing} />
          ) : null}
          {state === 'stopped' && recorder.recordingUrl ? (
            <audio
              className="voice-recorder__listen"
              controls
              preload="metadata"
              src={recorder.recordingUrl}
              aria-label={`Listen back to your ${noun}`}
            />
          ) : null}
          <div className="button-group">
            {state === 'idle' ? (
              <Button ref={main} variant="record" onClick={() => void take.begin(`A ${noun}`)}>
                Start recording
              </Button>
            ) : null}
            {active ? (
              <Button ref={main} variant="secondary" busy={state !== 'recording'} onClick={() => void recorder.stop()}>
                Stop recording
              </Button>
            ) : null}
            {state === 'stopped' ? (
              <>
                <Button ref={send} busy={sending} onClick={() => void submit()}>
                  Send {noun}
                </Button>
                <Button variant="secondary" onClick={() => void take.discard()} disabled={sending}>
                  Record again
                </Button>
              </>
            ) : null}
            <Button variant="secondary" onClick={() => void cancel()} disabled={sending}>
              Cancel
            </Button>
          </div>
        </>
      )}
      <UploadLine status={take.upload} recording={active} />
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="visually-hidden">
        <StatusMessage>{said}</StatusMessage>
      </div>
    </section>
  );
}
