import { useState } from 'react';
import type { Episode, Show } from '../../../../shared/contracts/episodes';
import type { Workspace } from '../../../../shared/contracts/workspaces';
import { getWorkspace } from '../workspaces/workspacesApi';
import { Page } from '../../app/Page';
import { Link } from '../../app/router';
import { useResource } from '../../app/useResource';
import { useSignedInUser } from '../../app/useSignedInUser';
import { StatusMessage } from '../../components/StatusMessage';
import { EpisodeList } from './EpisodeList';
import { getShow, listEpisodes } from './episodesApi';
import { NewEpisodeForm } from './NewEpisodeForm';
import { ShowForm } from './ShowForm';

const never = <T,>() => new Promise<T>(() => undefined);

/** `/w/:id/episodes`: the workspace's episodes, a form to start one, and the show's settings for the feed. */
export function EpisodesPage({ workspaceId }: { workspaceId: string }) {
  const user = useSignedInUser();
  const [formError, setFormError] = useState(false);
  const key = `${user?.id ?? ''}:${workspaceId}`;
  const [workspace] = useResource(key, () => (user ? getWorkspace(workspaceId) : never<Workspace>()));
  const [episodes] = useResource(key, () => (user ? listEpisodes(workspaceId) : never<Episode[]>()));
  const [show, reloadShow] = useResource(key, () => (user ? getShow(workspaceId) : never<Show | null>()));

  if (workspace.status === 'failed') {
    return (
      <Page title={workspace.error.code === 'not_found' ? 'We could not find that workspace' : 'We could not open these episodes'} hasError>
        <p className="lead">{workspace.error.message}</p>
        <p>
          <Link href="/">Go to your workspaces</Link>
        </p>
      </Page>
    );
  }
  const ready = workspace.status === 'ready' ? workspace.data : null;
  const mayEdit = ready?.abilities.createEpisodes ?? false;
  return (
    <>
      <p className="back-link-row">
        <Link className="back-link" href={`/w/${encodeURIComponent(workspaceId)}`}>
          {ready ? `Back to ${ready.name}` : 'Back to the workspace'}
        </Link>
      </p>
      <Page title="Episodes" caption={ready?.name} hasError={formError} wide>
        <p className="lead">Podcast episodes made from the carers’ clips: lay them out, render them, and publish them to the feed.</p>
        <StatusMessage>{episodes.status === 'loading' ? 'Loading episodes…' : null}</StatusMessage>
        {episodes.status === 'failed' ? <p className="field__error">{episodes.error.message}</p> : null}
        {episodes.status === 'ready' ? <EpisodeList episodes={episodes.data} /> : null}
        {mayEdit ? <NewEpisodeForm workspaceId={workspaceId} onError={setFormError} /> : null}
        {show.status === 'ready' && ready ? <ShowForm workspaceId={workspaceId} show={show.data} mayEdit={mayEdit} onSaved={reloadShow} onError={setFormError} /> : null}
        {show.status === 'failed' ? <p className="field__error">{show.error.message}</p> : null}
      </Page>
    </>
  );
}
