import { useCallback } from 'react';
import type { Workspace } from '../../../../shared/contracts/workspaces';
import { listMembers } from '../members/membersApi';
import { Link } from '../../app/router';
import { useResource } from '../../app/useResource';
import { useAfterEachJoin } from '../../realtime/roomJoins';
import { useWorkspaceRoom } from '../../realtime/useWorkspaceRoom';
import { InviteForm } from '../invites/InviteForm';
import { MembersSection } from '../members/MembersSection';
import { StrengthsSection } from '../members/StrengthsSection';
import { balancePath } from '../balance/balanceApi';
import { reportsPath } from '../reports/reportsApi';
import { involvementPath } from '../involvement/involvementPaths';
import { reflectionsPath } from '../reflections/reflectionsPaths';
import { SearchBox } from '../search/SearchBox';
import { helpTopics, topicForRole, helpPath } from '../help/helpTopics';
import { WelcomePanel } from '../welcome/WelcomePanel';
import { DownloadEverything } from './DownloadEverything';
import { OnlineNow } from './OnlineNow';

interface WorkspaceViewProps {
  workspace: Workspace;
  myId: string;
  /** The workspace itself may have changed for me (my role, or whether I am still in it). */
  onWorkspaceChanged(): void;
}

const recordLinkId = 'record-story-link';
const helpTitle = (topic: string) => helpTopics.find((t) => t.topic === topic)?.title ?? 'How Chorus works';
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

export function WorkspaceView({ workspace, myId, onWorkspaceChanged }: WorkspaceViewProps) {
  const [members, reloadMembers] = useResource(workspace.id, () => listMembers(workspace.id));
  const refresh = useCallback(() => {
    reloadMembers();
    onWorkspaceChanged();
  }, [reloadMembers, onWorkspaceChanged]);
  const room = useWorkspaceRoom(workspace.id, refresh);
  // Someone who joined, left or changed role before the page joined the room was told to nobody here.
  useAfterEachJoin(workspace.id, refresh);

  const helpTopic = topicForRole(workspace.role);
  const carer = workspace.role === 'carer';
  // Plain words (docs/words.md) for those who do not review or make episodes: carers and experts.
  const plain = carer || workspace.role === 'expert';

  return (
    <>
      {carer ? (
        <WelcomePanel workspaceId={workspace.id} workspaceName={workspace.name} afterId={recordLinkId} />
      ) : (
        <p className="help-pointer">
          New to Chorus? <Link href={helpPath(helpTopic)}>Read {lowerFirst(helpTitle(helpTopic))}</Link>
        </p>
      )}
      <p className="record-link-row">
        <Link id={recordLinkId} className="record-link" href={`/w/${encodeURIComponent(workspace.id)}/record`}>
          <span className="record-link__dot" aria-hidden="true" />
          Record a story
        </Link>
      </p>
      <OnlineNow room={room} myId={myId} />
      <SearchBox workspaceId={workspace.id} />
      <nav className="section" aria-label="In this workspace">
        <ul className="card-list">
          <li className="card-list__item">
            <Link className="card-list__link" href={`/w/${encodeURIComponent(workspace.id)}/documents`}>
              Documents
            </Link>
            <span className="card-list__meta">The publication and the episode scripts, written together</span>
          </li>
          <li className="card-list__item">
            <Link className="card-list__link" href={`/w/${encodeURIComponent(workspace.id)}/clips`}>
              {plain ? 'Recordings' : 'Clips'}
            </Link>
            <span className="card-list__meta">
              {plain
                ? 'Everyone’s stories: listen, comment, and say what yours may be used for'
                : 'Recordings: listen, comment, review, and what each may be used for'}
            </span>
          </li>
          <li className="card-list__item">
            <Link className="card-list__link" href={`/w/${encodeURIComponent(workspace.id)}/episodes`}>
              Episodes
            </Link>
            <span className="card-list__meta">
              {plain
                ? 'Podcast episodes made from the recordings: listen, and approve your parts'
                : 'Podcast episodes made from the clips: lay out, render, listen and publish'}
            </span>
          </li>
          <li className="card-list__item">
            <Link className="card-list__link" href={involvementPath(workspace.id)}>
              Involvement
            </Link>
            <span className="card-list__meta">The time you give, and how you want to be thanked for it</span>
          </li>
          <li className="card-list__item">
            <Link className="card-list__link" href={reflectionsPath(workspace.id)}>
              How are we doing together?
            </Link>
            <span className="card-list__meta">
              Where the power sits in this project, as each of us sees it, and our plan to share more of it
            </span>
          </li>
          <li className="card-list__item">
            <Link className="card-list__link" href={balancePath(workspace.id)}>
              Whose voices are heard
            </Link>
            <span className="card-list__meta">
              Who is heard in the episodes, and who writes, comments and signs off
            </span>
          </li>
          <li className="card-list__item">
            <Link className="card-list__link" href={reportsPath(workspace.id)}>
              Reports on involvement
            </Link>
            <span className="card-list__meta">
              Our involvement report and the impact log: what changed because carers took part, to download
            </span>
          </li>
        </ul>
      </nav>
      <MembersSection
        workspaceId={workspace.id}
        myId={myId}
        canManage={workspace.abilities.manageMembers}
        members={members}
        onChanged={refresh}
      />
      <StrengthsSection workspaceId={workspace.id} myId={myId} />
      {workspace.abilities.inviteRoles.length > 0 ? (
        <InviteForm workspaceId={workspace.id} roles={workspace.abilities.inviteRoles} />
      ) : null}
      {/* The same admins who change the settings; the server asks its own rule (workspace.download). */}
      {workspace.abilities.updateSettings ? <DownloadEverything workspaceId={workspace.id} /> : null}
    </>
  );
}
