import type { ReactNode } from 'react';

/**
 * A polite live region. It is always in the page, empty or not, so screen readers
 * announce each new message ("Link copied", "Saved") as it arrives.
 */
export function StatusMessage({ children, tone = 'info' }: { children?: ReactNode; tone?: 'info' | 'success' }) {
  const empty = children === undefined || children === null || children === false || children === '';
  return (
    <div role="status" className={empty ? 'status status--empty' : `status status--${tone}`}>
      {children}
    </div>
  );
}
