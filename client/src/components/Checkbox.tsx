import type { ComponentPropsWithRef, ReactNode } from 'react';

interface CheckboxProps extends Omit<ComponentPropsWithRef<'input'>, 'id' | 'type'> {
  id: string;
  label: ReactNode;
}

/** One tick box with its label beside it. */
export function Checkbox({ id, label, ...input }: CheckboxProps) {
  return (
    <div className="checkbox">
      <input className="checkbox__input" type="checkbox" id={id} {...input} />
      <label className="checkbox__label" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}
