import { useEffect, useRef, useState, type ReactNode } from 'react';
import { toApiError } from '../api/ApiError';
import { Button } from './Button';

/**
 * Something that cannot be undone, done only when asked twice. `run` does it: busy from the first press, and
 * still busy once it is done (what showed the button is about to change); when it fails, why, and the
 * button may be pressed again.
 */
export function useConfirmStep() {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (e) {
      setProblem(toApiError(e).message);
      setBusy(false);
    }
  };

  return { confirming, setConfirming, busy, problem, run };
}

interface ConfirmStepProps {
  /** Focused when the step opens, so it is what a screen reader reads first. */
  question: ReactNode;
  /** What doing it will mean, below the question. */
  children?: ReactNode;
  yes: string;
  no: string;
  busy?: boolean;
  /** Big buttons, for the recording screens. */
  big?: boolean;
  onYes(): void;
  onNo(): void;
}

/** The second step: the question, what it means, and yes or no. */
export function ConfirmStep({ question, children, yes, no, busy, big, onYes, onNo }: ConfirmStepProps) {
  const size = big ? 'button--big' : undefined;
  const questionRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => questionRef.current?.focus(), []);
  return (
    <div className="confirm">
      <p className="confirm__question" tabIndex={-1} ref={questionRef}>
        {question}
      </p>
      {children}
      <div className="button-group">
        <Button variant="warning" className={size} busy={busy} onClick={onYes}>
          {yes}
        </Button>
        <Button variant="secondary" className={size} onClick={onNo}>
          {no}
        </Button>
      </div>
    </div>
  );
}
