import type { ComponentPropsWithRef } from 'react';

/** `warning` (red) is for actions that take something away; `record` starts a recording. */
type Variant = 'primary' | 'secondary' | 'warning' | 'record' | 'inverse';

interface ButtonProps extends ComponentPropsWithRef<'button'> {
  variant?: Variant;
  /** While busy the button stays focusable but ignores presses, so a double click sends once. */
  busy?: boolean;
}

export function Button({
  variant = 'primary',
  busy = false,
  type = 'button',
  className,
  onClick,
  ...rest
}: ButtonProps) {
  const classes = ['button', `button--${variant}`, className].filter(Boolean).join(' ');
  return (
    <button
      type={type}
      className={classes}
      aria-disabled={busy || undefined}
      onClick={(event) => {
        if (busy) event.preventDefault();
        else onClick?.(event);
      }}
      {...rest}
    />
  );
}
