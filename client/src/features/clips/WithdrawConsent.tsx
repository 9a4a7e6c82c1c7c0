import { useRef } from 'react';
import { withdrawButtonLabel, type Clip } from '../../../../shared/contracts/clips';
import { Button } from '../../components/Button';
import { ConfirmStep, useConfirmStep } from '../../components/ConfirmStep';
import { withdrawClip } from './clipsApi';
import { withdrawalWords } from './clipWords';

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
  const { confirming, setConfirming, busy, problem, run } = useConfirmStep();
  const startButton = useRef<HTMLButtonElement>(null);

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
        <ConfirmStep
          question={withdrawalWords(mine ? 'your' : 'their')}
          yes="Yes, withdraw consent and delete the recording"
          no="Cancel"
          busy={busy}
          onYes={() => void run(async () => onWithdrawn(await withdrawClip(clip.id)))}
          onNo={cancel}
        >
          {!mine ? <p>You are doing this for {clip.contributor.name}.</p> : null}
        </ConfirmStep>
      ) : (
        <Button variant="warning" ref={startButton} onClick={() => setConfirming(true)}>
          {withdrawButtonLabel}
        </Button>
      )}
    </div>
  );
}
