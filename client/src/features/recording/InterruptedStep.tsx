import { useState } from 'react';
import { Button } from '../../components/Button';
import { ConfirmStep } from '../../components/ConfirmStep';
import type { Interrupted } from './findInterrupted';
import { lengthWords } from './recordingWords';
import { UploadLine } from './UploadLine';
import { useUploadStatus } from './useUploadStatus';

interface InterruptedStepProps {
  recording: Interrupted;
  onSend(): void;
  onThrowAway(): Promise<void>;
  onLater(): void;
}

const day = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long' });
const time = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit' });
/** "Thursday 1 May at 14:05". */
const whenWords = (iso: string) => `${day.format(new Date(iso)).replace(',', '')} at ${time.format(new Date(iso))}`;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "You have a recording that was interrupted — send what we have", or throw it away, or decide later. */
export function InterruptedStep({ recording, onSend, onThrowAway, onLater }: InterruptedStepProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const upload = useUploadStatus(recording.uploader);

  const seconds = recording.server?.recordedSeconds ?? null;
  return (
    <>
      <p className="lead">
        “{recording.title}”, started {whenWords(recording.startedAt)}.
      </p>
      <p>
        {seconds !== null
          ? `${capital(lengthWords(seconds))} of it is safe on the server.`
          : 'Part of it is safe on the server.'}
        {recording.waitingHere > 0 ? ' The rest was kept on this device and is being sent now.' : ''} You can send what
        we have.
      </p>
      {recording.uploader ? <UploadLine status={upload} recording={false} /> : null}
      {confirming ? (
        <ConfirmStep
          question="Throw this recording away? It will be deleted and cannot be brought back."
          yes="Yes, throw it away"
          no="No, keep it"
          big
          busy={busy}
          onYes={() => (setBusy(true), void onThrowAway())}
          onNo={() => setConfirming(false)}
        />
      ) : (
        <>
          <div className="button-group">
            <Button className="button--big" onClick={onSend}>
              Send what we have
            </Button>
            <Button variant="secondary" className="button--big" onClick={() => setConfirming(true)}>
              Throw it away
            </Button>
          </div>
          <p>
            <button type="button" className="link-button" onClick={onLater}>
              Decide later, and record a new story now
            </button>
          </p>
        </>
      )}
    </>
  );
}
