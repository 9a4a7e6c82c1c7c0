import { useEffect, useState, type ReactNode } from 'react';
import { FieldShell } from '../../components/FieldShell';
import { parseTrimTime, trimTime } from './episodeWords';

interface TimeFieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  seconds: number;
  disabled?: boolean;
  /** Called with the new time once the person leaves the field or presses Enter. */
  onCommit(seconds: number): void;
  /** A problem from elsewhere (the server) about this value. */
  error?: string | undefined;
}

/** A time typed as minutes and seconds ("1:05.5"); it takes effect on Enter or on leaving the field. */
export function TimeField({ id, label, hint, seconds, disabled, onCommit, error }: TimeFieldProps) {
  const [draft, setDraft] = useState(trimTime(seconds));
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setDraft(trimTime(seconds)), [seconds]);

  const commit = () => {
    const parsed = parseTrimTime(draft);
    if (parsed === null) {
      setProblem('Enter a time in minutes and seconds, like 0:05.5');
      return;
    }
    setProblem(null);
    const rounded = Math.round(parsed * 1000) / 1000;
    if (Math.abs(rounded - seconds) > 0.0005) onCommit(rounded);
    else setDraft(trimTime(seconds));
  };

  const shown = problem ?? error;
  return (
    <FieldShell id={id} label={label} hint={hint} error={shown}>
      {(describedBy) => (
        <input
          id={id}
          className="input input--time"
          inputMode="decimal"
          autoComplete="off"
          spellCheck={false}
          value={draft}
          disabled={disabled}
          aria-describedby={describedBy}
          aria-invalid={shown ? true : undefined}
          onChange={(e) => setDraft(e.currentTarget.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            }
          }}
        />
      )}
    </FieldShell>
  );
}
