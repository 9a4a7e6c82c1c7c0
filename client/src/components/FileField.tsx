import type { ComponentPropsWithRef, ReactNode } from 'react';
import { FieldShell } from './FieldShell';

interface FileFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'id' | 'type' | 'className'> {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

/**
 * A box for choosing a file from the device, laid out like every other field: the one file box in Chorus, so
 * every upload looks and works the same (styled as `.file-input`).
 */
export function FileField({ id, label, hint, error, ...input }: FileFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input
          id={id}
          type="file"
          className="file-input"
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          {...input}
        />
      )}
    </FieldShell>
  );
}
