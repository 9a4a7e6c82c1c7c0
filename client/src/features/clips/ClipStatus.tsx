import type { ClipStatus as Status } from '../../../../shared/contracts/clips';
import { statusWords } from './clipWords';

interface ClipStatusProps {
  clip: { status: Status; progress: number | null; failureReason: string | null; withdrawn: boolean };
}

/** Where a recording is up to, in words, with a mark whose shape (not only colour) repeats them. */
export function ClipStatusTag({ clip }: ClipStatusProps) {
  const { text, tone } = statusWords(clip);
  return (
    <span className={`clip-status clip-status--${tone}`}>
      <span className="clip-status__icon" aria-hidden="true" />
      {text}
    </span>
  );
}
