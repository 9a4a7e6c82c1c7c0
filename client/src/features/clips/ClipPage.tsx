import { LoadFailedPage, LoadingPage } from '../../app/LoadingPages';
import { usePageResource } from '../../app/usePageResource';
import { getClip } from './clipsApi';
import { ClipView } from './ClipView';

/** `/c/:clipId`: one recording, to listen to, comment on, review, and (for its contributor) withdraw. */
export function ClipPage({ clipId }: { clipId: string }) {
  const { user, resource: loaded } = usePageResource(clipId, getClip);
  if (loaded.status === 'failed') {
    return (
      <LoadFailedPage
        error={loaded.error}
        notFound="We could not find that recording"
        title="We could not open this recording"
      />
    );
  }
  if (loaded.status === 'loading' || !user)
    return <LoadingPage title="Opening recording">Opening recording…</LoadingPage>;
  return <ClipView key={loaded.data.id} initial={loaded.data} user={user} />;
}
