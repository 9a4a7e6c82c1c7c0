import type { ComponentPropsWithRef, ReactNode } from 'react';
import { FieldShell } from './FieldShell';

interface TextFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'id'> {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  /** Extra controls that sit beside the input, like "Show" on a password. */
  after?: ReactNode;
}

export function TextField({ id, label, hint, error, after, className, type = 'text', ...input }: TextFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <div className="field__row">
          <input
            id={id}
            type={type}
            className={['input', className].filter(Boolean).join(' ')}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            {...input}
          />
          {after}
        </div>
      )}
    </FieldShell>
  );
}
