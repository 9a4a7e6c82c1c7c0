import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError } from '../api/ApiError';
import type { Resource } from './useResource';

/**
 * Something a screen keeps up to date (by live events, by polling): loaded for `id`, and again on each
 * `reload()`. Only the newest answer counts, and a reload that fails keeps what is shown. `change` edits what
 * is shown in place, once there is something to edit.
 */
export function useReloadable<T>(id: string, load: (id: string) => Promise<T>) {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const round = useRef(0);

  const reload = useCallback(() => {
    const mine = ++round.current;
    load(id).then(
      (data) => mine === round.current && setResource({ status: 'ready', data }),
      (e: unknown) =>
        mine === round.current &&
        setResource((was) => (was.status === 'ready' ? was : { status: 'failed', error: toApiError(e) })),
    );
  }, [id, load]);
  useEffect(reload, [reload]);

  const change = useCallback((edit: (data: T) => T) => {
    setResource((was) => (was.status === 'ready' ? { status: 'ready', data: edit(was.data) } : was));
  }, []);

  return { resource, reload, change };
}
