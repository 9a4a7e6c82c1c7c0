import { useState } from 'react';
import { useResource } from '../../app/useResource';
import { StatusMessage } from '../../components/StatusMessage';
import { EpisodeList } from './EpisodeList';
import { getShow, listEpisodes } from './episodesApi';
import { NewEpisodeForm } from './NewEpisodeForm';
import { ShowForm } from './ShowForm';
import { useWorkspacePage } from '../workspaces/useWorkspacePage';
import { LoadingWorkspacePartPage } from '../workspaces/WorkspacePartPage';

/** `/w/:id/episodes`: the workspace's episodes, a form to start one, and the show's settings for the feed. */
export function EpisodesPage({ workspaceId }: { workspaceId: string }) {
  const [formError, setFormError] = useState(false);
  const { user, workspace, ready, key } = useWorkspacePage(workspaceId);
  const [episodes] = useResource(key, user ? () => listEpisodes(workspaceId) : null);
  const [show, reloadShow] = useResource(key, user ? () => getShow(workspaceId) : null);

  const mayEdit = ready?.abilities.createEpisodes ?? false;
  return (
    <LoadingWorkspacePartPage
      workspaceId={workspaceId}
      workspace={workspace}
      failedTitle="We could not open these episodes"
      title="Episodes"
      hasError={formError}
      wide
    >
      <p className="lead">
        Podcast episodes made from the carers’ clips: lay them out, render them, and publish them to the feed.
      </p>
      <StatusMessage>{episodes.status === 'loading' ? 'Loading episodes…' : null}</StatusMessage>
      {episodes.status === 'failed' ? <p className="field__error">{episodes.error.message}</p> : null}
      {episodes.status === 'ready' ? <EpisodeList episodes={episodes.data} /> : null}
      {mayEdit ? <NewEpisodeForm workspaceId={workspaceId} onError={setFormError} /> : null}
      {show.status === 'ready' && ready ? (
        <ShowForm
          workspaceId={workspaceId}
          show={show.data}
          mayEdit={mayEdit}
          onSaved={reloadShow}
          onError={setFormError}
        />
      ) : null}
      {show.status === 'failed' ? <p className="field__error">{show.error.message}</p> : null}
    </LoadingWorkspacePartPage>
  );
}
