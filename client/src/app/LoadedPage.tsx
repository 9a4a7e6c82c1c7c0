import type { ReactNode } from 'react';
import type { User } from '../../../shared/contracts/auth';
import { LoadFailedPage, LoadingPage } from './LoadingPages';
import { usePageResource } from './usePageResource';

/**
 * The heading when the thing is not there, and when it could not be opened for any other reason: said for the
 * `thing` ("recording": "We could not find that recording", "We could not open this recording"), or in full.
 */
type FailedWords =
  { thing: string; notFound?: never; failedTitle?: never } | { thing?: never; notFound: string; failedTitle: string };

export type LoadedPageProps<T> = FailedWords & {
  /** The one thing the page is about, and how to load it for whoever is signed in. */
  id: string;
  load: (id: string) => Promise<T>;
  /** The heading while it loads; the words read out then are the same with "…", unless `loadingText` says others. */
  loadingTitle: string;
  loadingText?: string;
  children: (data: T, user: User, reload: () => void) => ReactNode;
};

/**
 * A page that can show nothing until its thing (a clip, an episode, a workspace) has loaded: a page saying why
 * it could not be opened, a page saying it is loading, and then `children` with the thing and who is signed in.
 */
export function LoadedPage<T>({ id, load, loadingTitle, loadingText, children, ...failed }: LoadedPageProps<T>) {
  const { user, resource, reload } = usePageResource(id, load);
  if (resource.status === 'failed') {
    const { thing } = failed;
    const notFound = thing === undefined ? failed.notFound : `We could not find that ${thing}`;
    const title = thing === undefined ? failed.failedTitle : `We could not open this ${thing}`;
    return <LoadFailedPage error={resource.error} notFound={notFound} title={title} />;
  }
  if (resource.status === 'loading' || !user) {
    return <LoadingPage title={loadingTitle}>{loadingText ?? `${loadingTitle}…`}</LoadingPage>;
  }
  return children(resource.data, user, reload);
}
