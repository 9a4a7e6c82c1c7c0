import type { ReactNode } from 'react';
import type { User } from '../../../shared/contracts/auth';
import { LoadFailedPage, LoadingPage } from './LoadingPages';
import { usePageResource } from './usePageResource';

interface LoadedPageProps<T> {
  /** The one thing the page is about, and how to load it for whoever is signed in. */
  id: string;
  load: (id: string) => Promise<T>;
  /** The heading when the thing is not there, and when it could not be opened for any other reason. */
  notFound: string;
  failedTitle: string;
  /** The heading, and the words read out, while it loads. */
  loadingTitle: string;
  loadingText: string;
  children: (data: T, user: User, reload: () => void) => ReactNode;
}

/**
 * A page that can show nothing until its thing (a clip, an episode, a workspace) has loaded: a page saying why
 * it could not be opened, a page saying it is loading, and then `children` with the thing and who is signed in.
 */
export function LoadedPage<T>({
  id,
  load,
  notFound,
  failedTitle,
  loadingTitle,
  loadingText,
  children,
}: LoadedPageProps<T>) {
  const { user, resource, reload } = usePageResource(id, load);
  if (resource.status === 'failed') {
    return <LoadFailedPage error={resource.error} notFound={notFound} title={failedTitle} />;
  }
  if (resource.status === 'loading' || !user) return <LoadingPage title={loadingTitle}>{loadingText}</LoadingPage>;
  return children(resource.data, user, reload);
}
