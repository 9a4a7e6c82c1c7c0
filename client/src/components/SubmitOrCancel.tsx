import type { ReactNode } from 'react';
import { Button } from './Button';

/** The buttons under a form that can be put away: send it, or cancel. */
export function SubmitOrCancel({ busy, onCancel, children }: { busy: boolean; onCancel(): void; children: ReactNode }) {
  return (
    <div className="button-group">
      <Button type="submit" busy={busy}>
        {children}
      </Button>
      <Button variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}
