import { useEffect, useRef, useState } from 'react';
import type { Clip } from '../../../../shared/contracts/clips';
import { toApiError } from '../../api/ApiError';
import { Button } from '../../components/Button';
import { withdrawClip } from './clipsApi';

/** "Withdraw consent", then a second step in plain words: nothing is deleted by one slip of the finger. */
export function WithdrawConsent({
  clip,
  mine,
  onWithdrawn,
}: {
  clip: Clip;
  mine: boolean;
  onWithdrawn(clip: Clip): void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const question = useRef<HTMLParagraphElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);

  const withdraw = async () => {
    setBusy(true);
    setProblem(null);
    try {
      onWithdrawn(await withdrawClip(clip.id));
    } catch (e) {
      setProblem(toApiError(e).message);
      setBusy(false);
    }
  };

  const cancel = () => {
    setConfirming(false);
    requestAnimationFrame(() => startButton.current?.focus());
  };

  return (
    <div className="withdraw">
      <h3 className="heading-m">Changed your mind?</h3>
      <p>
        {mine
          ? 'You can take back your consent at any time. The recording will be deleted.'
          : `As an admin, you can take back consent on behalf of ${clip.contributor.name}, for example if they asked you to. The recording will be deleted.`}
      </p>
      {problem ? <p className="field__error">{problem}</p> : null}
      {confirming ? (
        <div className="confirm">
          <p className="confirm__question" tabIndex={-1} ref={question}>
            This deletes the recording for good. Anything that used it will be flagged.
          </p>
          {!mine ? <p>You are doing this for {clip.contributor.name}.</p> : null}
          <div className="button-group">
            <Button variant="warning" busy={busy} onClick={() => void withdraw()}>
              Yes, withdraw consent and delete the recording
            </Button>
            <Button variant="secondary" onClick={cancel}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="warning" ref={startButton} onClick={() => setConfirming(true)}>
          Withdraw consent
        </Button>
      )}
    </div>
  );
}
