import { LoadedPage } from '../../app/LoadedPage';
import { getClip } from './clipsApi';
import { ClipView } from './ClipView';

/** `/c/:clipId`: one recording, to listen to, comment on, review, and (for its contributor) withdraw. */
export function ClipPage({ clipId }: { clipId: string }) {
  return (
    <LoadedPage id={clipId} load={getClip} thing="recording" loadingTitle="Opening recording">
      {(clip, user) => <ClipView key={clip.id} initial={clip} user={user} />}
    </LoadedPage>
  );
}
