import { useResource } from './useResource';
import { useSignedInUser } from './useSignedInUser';

/**
 * The one thing a page is about (a workspace, a clip, a document), loaded for whoever is signed in:
 * loaded again when the person or the id changes, and still loading while either is not known.
 */
export function usePageResource<T>(id: string | null, load: (id: string) => Promise<T>) {
  const user = useSignedInUser();
  const [resource, reload] = useResource(`${user?.id ?? ''}:${id ?? ''}`, user && id !== null ? () => load(id) : null);
  return { user, resource, reload };
}
