import type { Clip } from '../../../../shared/contracts/clips';
import { Page } from '../../app/Page';
import { Link } from '../../app/router';
import { useResource } from '../../app/useResource';
import { useSignedInUser } from '../../app/useSignedInUser';
import { StatusMessage } from '../../components/StatusMessage';
import { getClip } from './clipsApi';
import { ClipView } from './ClipView';

const never = <T,>() => new Promise<T>(() => undefined);

/** `/c/:clipId`: one recording, to listen to, comment on, review, and (for its contributor) withdraw. */
export function ClipPage({ clipId }: { clipId: string }) {
  const user = useSignedInUser();
  const [loaded] = useResource(`${user?.id ?? ''}:${clipId}`, () => (user ? getClip(clipId) : never<Clip>()));

  if (loaded.status === 'failed') {
    return (
      <Page title={loaded.error.code === 'not_found' ? 'We could not find that recording' : 'We could not open this recording'} hasError>
        <p className="lead">{loaded.error.message}</p>
        <p>
          <Link href="/">Go to your workspaces</Link>
        </p>
      </Page>
    );
  }
  if (loaded.status === 'loading' || !user) {
    return (
      <Page title="Opening recording">
        <StatusMessage>Opening recording…</StatusMessage>
      </Page>
    );
  }
  return <ClipView key={loaded.data.id} initial={loaded.data} user={user} />;
}
