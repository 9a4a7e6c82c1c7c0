import type { ComponentPropsWithRef, ReactNode } from 'react';
import { FieldShell } from './FieldShell';

interface FileFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'id' | 'type'> {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A box for choosing a file from the device, laid out like every other field. */
export function FileField({ id, label, hint, error, ...input }: FileFieldProps) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input id={id} type="file" aria-describedby={describedBy} aria-invalid={error ? true : undefined} {...input} />
      )}
    </FieldShell>
  );
}
