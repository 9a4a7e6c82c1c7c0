import type { Balance } from '../../../shared/contracts/balance';
import { actorIn } from '../../policies/actor';
import { authorize } from '../../policies/authorize';
import type { Services } from '../../services';
import { clipIdsOf, renderConsent } from '../episodes/renderConsent';
import { partsByPerson, type ClipMaker } from '../episodes/signoffs/signoffParts';
import { parseStoredTimeline } from '../episodes/timeline';
import {
  commentsByRole,
  secondsHeard,
  signoffsByRole,
  writingByRole,
  type BalancePerson,
  type HeardEpisode,
} from './balanceArithmetic';

/**
 * Everyone heard in each published episode, from the render the feed serves: the newest passing render while
 * every voice in it may be heard by anyone (the consent rules' `episode.publish`). An episode taken down by a
 * change of consent is not counted until it is rendered and published again.
 */
async function publishedVoices(services: Services, workspaceId: string): Promise<HeardEpisode[]> {
  const heard: HeardEpisode[] = [];
  for (const episode of await services.episodes.listPublished(workspaceId)) {
    const render = await services.episodes.latestPassing(episode.id);
    if (!render?.blob_key || render.removed_at) continue;
    if (!(await renderConsent(services, render, 'episode.publish')).allowed) continue;
    const clips = await Promise.all(clipIdsOf(render).map((id) => services.clips.findById(id)));
    const makers = new Map<string, ClipMaker>(
      clips.flatMap((c) => (c ? [[c.id, { contributorId: c.contributor_id, title: c.title }] as const] : [])),
    );
    heard.push({ people: partsByPerson(parseStoredTimeline(render.timeline), makers) });
  }
  return heard;
}

/**
 * Members by role now, each with the name they chose to be credited by (`member_credits`) or none: the balance
 * names nobody who has not chosen to be named, as the feed's credits do.
 */
async function balancePeople(services: Services, workspaceId: string): Promise<Map<string, BalancePerson>> {
  const [members, credited] = await Promise.all([
    services.workspaces.members(workspaceId),
    services.publishing.creditedMembers(workspaceId),
  ]);
  return new Map(
    members.map((m) => [m.userId, { role: m.role, creditName: credited.get(m.userId)?.name ?? null }] as const),
  );
}

/** The balance of voices in a workspace, for any member. */
export async function getBalance(services: Services, workspaceId: string, userId: string): Promise<Balance> {
  authorize(await actorIn(services, workspaceId, userId), 'balance.view');
  const [people, episodes, documentComments, clipComments, signoffs, writers] = await Promise.all([
    balancePeople(services, workspaceId),
    publishedVoices(services, workspaceId),
    services.balance.documentComments(workspaceId),
    services.balance.clipComments(workspaceId),
    services.balance.signoffs(workspaceId),
    services.balance.writers(workspaceId),
  ]);
  return {
    episodes: episodes.length,
    heard: secondsHeard(episodes, people),
    writing: writingByRole(writers, people),
    comments: commentsByRole(documentComments, clipComments, people),
    signoffs: signoffsByRole(
      signoffs.map((s) => ({ userId: s.userId, state: s.state, count: s.count })),
      people,
    ),
  };
}
