import { useEffect, useState, type ReactNode } from 'react';
import { FieldShell } from '../../components/FieldShell';

interface NumberFieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  value: number;
  min: number;
  max: number;
  step: number;
  disabled?: boolean;
  onCommit(value: number): void;
  error?: string | undefined;
}

/** A number (decibels, seconds) that takes effect on Enter or on leaving the field; out-of-range values are named. */
export function NumberField({ id, label, hint, value, min, max, step, disabled, onCommit, error }: NumberFieldProps) {
  const [draft, setDraft] = useState(String(value));
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setDraft(String(value)), [value]);

  const commit = () => {
    const parsed = Number(draft.trim().replace(',', '.').replace('−', '-'));
    if (draft.trim() === '' || !Number.isFinite(parsed) || parsed < min || parsed > max) {
      setProblem(`Enter a number from ${min} to ${max}`);
      return;
    }
    setProblem(null);
    if (parsed !== value) onCommit(parsed);
  };

  const shown = problem ?? error;
  return (
    <FieldShell id={id} label={label} hint={hint} error={shown}>
      {(describedBy) => (
        <input
          id={id}
          type="number"
          className="input input--number"
          min={min}
          max={max}
          step={step}
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
