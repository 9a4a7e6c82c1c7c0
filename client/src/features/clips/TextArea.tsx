import type { ComponentPropsWithRef, ReactNode } from 'react';
import { FieldShell } from '../../components/FieldShell';

interface TextAreaProps extends Omit<ComponentPropsWithRef<'textarea'>, 'id'> {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A multi-line field laid out like every other field. */
export function TextArea({ id, label, hint, error, className, rows = 3, ...textarea }: TextAreaProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <textarea
          id={id}
          rows={rows}
          className={['textarea', className].filter(Boolean).join(' ')}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          {...textarea}
        />
      )}
    </FieldShell>
  );
}
