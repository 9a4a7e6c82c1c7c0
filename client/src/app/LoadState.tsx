import type { Resource } from './useResource';

/** What part of a screen says while its list loads (`loading`), or why it could not be loaded; nothing once ready. */
export function LoadState({ resource, loading }: { resource: Resource<unknown>; loading: string }) {
  if (resource.status === 'loading') return <p>{loading}</p>;
  if (resource.status === 'failed') return <p className="field__error">{resource.error.message}</p>;
  return null;
}
