import type { ReactNode } from 'react';
import { CommitField } from './CommitField';

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
export function NumberField({ min, max, step, ...field }: NumberFieldProps) {
  const parse = (text: string) => {
    const parsed = Number(text.trim().replace(',', '.').replace('−', '-'));
    if (text.trim() === '' || !Number.isFinite(parsed) || parsed < min || parsed > max)
      return { problem: `Enter a number from ${min} to ${max}` };
    return { value: parsed };
  };
  return (
    <CommitField<number>
      {...field}
      format={String}
      parse={parse}
      same={(typed, value) => typed === value}
      input={{ type: 'number', className: 'input input--number', min, max, step }}
    />
  );
}
