import { useEffect, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { FieldShell } from '../../components/FieldShell';

export interface CommitFieldProps<V> {
  id: string;
  label: string;
  hint?: ReactNode;
  value: V;
  disabled?: boolean;
  /** Called with the new value once the person leaves the field or presses Enter. */
  onCommit(value: V): void;
  /** A problem from elsewhere (the server) about this value. */
  error?: string | undefined;
}

interface Reading<V> {
  /** The value as the box shows it. */
  format(value: V): string;
  /** What was typed as a value, or the words that say what to type. */
  parse(text: string): { value: V } | { problem: string };
  /** Whether what was typed comes to the value already set, so there is nothing to commit. */
  same(typed: V, value: V): boolean;
  /** When it comes to the same, show the value as the box writes it (such as "0:05.0" for "0:5"). */
  tidyWhenSame?: boolean;
  /** How the box looks and what keyboard it asks for. */
  input: InputHTMLAttributes<HTMLInputElement>;
}

/** A value typed into a box that takes effect on Enter or on leaving the field; what cannot be read is named. */
export function CommitField<V>({
  id,
  label,
  hint,
  value,
  disabled,
  onCommit,
  error,
  format,
  parse,
  same,
  tidyWhenSame = false,
  input,
}: CommitFieldProps<V> & Reading<V>) {
  const [draft, setDraft] = useState(format(value));
  const [problem, setProblem] = useState<string | null>(null);
  // Each field passes the same `format` every time, so only a new value resets the box.
  useEffect(() => setDraft(format(value)), [value]);

  const commit = () => {
    const parsed = parse(draft);
    if ('problem' in parsed) {
      setProblem(parsed.problem);
      return;
    }
    setProblem(null);
    if (!same(parsed.value, value)) onCommit(parsed.value);
    else if (tidyWhenSame) setDraft(format(value));
  };

  const shown = problem ?? error;
  return (
    <FieldShell id={id} label={label} hint={hint} error={shown}>
      {(describedBy) => (
        <input
          id={id}
          {...input}
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
