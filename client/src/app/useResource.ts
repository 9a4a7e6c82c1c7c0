import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../api/ApiError';

export type Resource<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; error: ApiError };

type Loaded<T> = { key: string; result: Resource<T> };

/**
 * Load something for a screen. `key` says when it is a different thing (a new id);
 * `reload()` fetches again while still showing what we have, so nothing flickers.
 * `load` is null while there is nothing to load yet (no one signed in, a panel closed): it stays loading.
 */
export function useResource<T>(key: string, load: (() => Promise<T>) | null): [Resource<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T> | null>(null);
  const [round, setRound] = useState(0);
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });

  useEffect(() => {
    const load = loader.current;
    if (!load) return;
    let current = true;
    load().then(
      (data) => current && setLoaded({ key, result: { status: 'ready', data } }),
      (e: unknown) => current && setLoaded({ key, result: { status: 'failed', error: toApiError(e) } }),
    );
    return () => {
      current = false;
    };
  }, [key, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return [loaded && loaded.key === key ? loaded.result : { status: 'loading' }, reload];
}
