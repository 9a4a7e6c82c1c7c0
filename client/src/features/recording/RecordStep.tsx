import { useEffect, useRef, useState } from 'react';
import { Button } from '../../components/Button';
import { ConfirmStep } from '../../components/ConfirmStep';
import { StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { LevelMeter } from './LevelMeter';
import { ListenBack } from './ListenBack';
import { MicrophoneHelp } from './MicrophoneHelp';
import { elapsedWords } from './recordingWords';
import { UploadLine } from './UploadLine';
import type { Take } from './useTake';

interface RecordStepProps {
  take: Take;
  title: string;
  onTitle(title: string): void;
  onSend(): void;
}

const stateWords = {
  idle: 'Ready to record',
  starting: 'Starting…',
  recording: 'Recording',
  paused: 'Paused',
  stopping: 'Stopping…',
  stopped: 'Recorded',
} as const;

/**
 * Record, pause or resume, stop; then listen back, record again or send. One big button does
 * Record → Pause → Resume, so keyboard focus stays on it; Stop sits beside it.
 */
export function RecordStep({ take, title, onTitle, onSend }: RecordStepProps) {
  const { state, problem } = take.recorder;
  const active = state === 'recording' || state === 'paused' || state === 'starting' || state === 'stopping';

  return (
    <>
      <TextField
        id="story-title"
        label="What is this story about?"
        hint="A few words are enough. You can leave this empty."
        value={title}
        maxLength={200}
        autoComplete="off"
        onChange={(e) => onTitle(e.currentTarget.value)}
      />
      <section className="recorder" aria-label="Recorder">
        {problem && state === 'idle' ? (
          <MicrophoneHelp problem={problem} onTryAgain={() => void take.begin(title)} />
        ) : (
          <Controls take={take} title={title} onSend={onSend} />
        )}
        <UploadLine status={take.upload} recording={active} />
      </section>
    </>
  );
}

function Controls({ take, title, onSend }: { take: Take; title: string; onSend(): void }) {
  const { recorder } = take;
  const { state } = recorder;
  const [confirming, setConfirming] = useState(false);
  const busy = state === 'starting' || state === 'stopping';
  const active = state === 'recording' || state === 'paused' || state === 'starting' || state === 'stopping';

  const main = () => {
    if (state === 'idle') void take.begin(title);
    else if (state === 'recording') recorder.pause();
    else if (state === 'paused') recorder.resume();
  };

  // Focus follows the person: back to Record after "Record again", and to the big button after the
  // microphone help made way for these controls ("Try again" worked).
  const mainButton = useRef<HTMLButtonElement>(null);
  const was = useRef<typeof state | null>(null);
  useEffect(() => {
    const before = was.current;
    was.current = state;
    if ((before === 'stopped' && state === 'idle') || (before === null && state !== 'idle'))
      mainButton.current?.focus();
  }, [state]);

  return (
    <>
      <p className={`recorder__clock recorder__clock--${state}`}>
        <span className="recorder__dot" aria-hidden="true" />
        <span>{stateWords[state]}</span>{' '}
        <span role="timer" aria-label="Time recorded">
          {elapsedWords(recorder.elapsedMs)}
        </span>
      </p>
      {state !== 'stopped' ? (
        <LevelMeter level={recorder.level} active={state === 'recording'} hearing={recorder.hearing} />
      ) : null}
      <div className="visually-hidden">
        <StatusMessage>{announcement(state)}</StatusMessage>
      </div>
      {state !== 'stopped' ? (
        <div className="recorder__controls">
          <Button
            ref={mainButton}
            className={`recorder__button recorder__button--${state === 'recording' ? 'pause' : 'record'}`}
            variant={state === 'idle' ? 'record' : 'secondary'}
            busy={busy}
            onClick={main}
          >
            <span className="recorder__icon" aria-hidden="true" />
            {state === 'recording' ? 'Pause' : state === 'paused' ? 'Resume' : 'Record'}
          </Button>
          {active ? (
            <Button
              className="recorder__button recorder__button--stop"
              variant="secondary"
              busy={busy}
              onClick={() => void recorder.stop()}
            >
              <span className="recorder__icon" aria-hidden="true" />
              Stop
            </Button>
          ) : null}
        </div>
      ) : null}
      {state === 'stopped' && recorder.recordingUrl ? (
        <Stopped
          url={recorder.recordingUrl}
          confirming={confirming}
          onConfirm={setConfirming}
          onSend={onSend}
          onAgain={() => void take.discard().then(() => setConfirming(false))}
        />
      ) : null}
    </>
  );
}

function announcement(state: keyof typeof stateWords): string {
  if (state === 'recording') return 'Recording';
  if (state === 'paused') return 'Paused';
  if (state === 'stopped') return 'Stopped';
  return '';
}

function Stopped({
  url,
  confirming,
  onConfirm,
  onSend,
  onAgain,
}: {
  url: string;
  confirming: boolean;
  onConfirm(on: boolean): void;
  onSend(): void;
  onAgain(): void;
}) {
  useEffect(() => {
    if (!confirming) document.getElementById('listen-back-heading')?.focus();
  }, [confirming]);
  return (
    <>
      <p>Listen back, then send your recording or record again.</p>
      <ListenBack url={url} />
      {confirming ? (
        <ConfirmStep
          question="Record again? The recording you just made will be deleted."
          yes="Yes, delete it and record again"
          no="No, keep it"
          big
          onYes={onAgain}
          onNo={() => onConfirm(false)}
        />
      ) : (
        <div className="button-group recorder__after">
          <Button className="button--big" onClick={onSend}>
            Send your recording
          </Button>
          <Button variant="secondary" className="button--big" onClick={() => onConfirm(true)}>
            Record again
          </Button>
        </div>
      )}
    </>
  );
}
