import type { Signoff } from '../../../../shared/contracts/signoffs';
import type { EpisodeRendersTable } from '../../../db/schema';
import type { Services } from '../../../services';
import { clipIdsOf } from '../renderConsent';
import { parseStoredTimeline } from '../timeline';
import { partsByPerson, type ClipMaker, type PersonParts } from './signoffParts';

/** One person heard in a render: their name, their parts, and where their sign-off of those parts stands. */
export interface PersonHeard extends PersonParts {
  name: string;
  signoff: Signoff;
}

/** Everyone heard in a render (the makers of the clips in its timeline), with their names and parts. */
export async function peopleHeardIn(
  services: Services,
  render: Pick<EpisodeRendersTable, 'timeline'>,
): Promise<Array<PersonParts & { name: string }>> {
  const clips = await Promise.all(clipIdsOf(render).map((id) => services.clips.findById(id)));
  const makers = new Map<string, ClipMaker>(
    clips.flatMap((c) => (c ? [[c.id, { contributorId: c.contributor_id, title: c.title }] as const] : [])),
  );
  const people = partsByPerson(parseStoredTimeline(render.timeline), makers);
  const users = await Promise.all(people.map((p) => services.users.findById(p.userId)));
  return people.map((p, i) => ({ ...p, name: users[i]?.name ?? 'Someone who has left the project' }));
}

/**
 * Where everyone's sign-off stands for `render`: a decision counts only while it was made on the same parts
 * (same fingerprint); otherwise the person is asked again (pending).
 */
export async function signoffsFor(
  services: Services,
  episodeId: string,
  render: Pick<EpisodeRendersTable, 'timeline'>,
): Promise<PersonHeard[]> {
  const [people, decisions] = await Promise.all([
    peopleHeardIn(services, render),
    services.signoffs.decisionsFor(episodeId),
  ]);
  const byUser = new Map(decisions.map((d) => [d.user_id, d]));
  return people.map((p) => {
    const d = byUser.get(p.userId);
    const kept = d !== undefined && d.parts_fingerprint === p.fingerprint;
    return {
      ...p,
      signoff: {
        userId: p.userId,
        name: p.name,
        state: kept ? d.state : 'pending',
        note: kept ? d.note : null,
        at: kept ? d.decided_at : null,
      },
    };
  });
}

/** The render people sign off: the episode's newest passing render, while it has its audio. */
export async function renderToSignOff(services: Services, episodeId: string) {
  const render = await services.episodes.latestPassing(episodeId);
  return render?.blob_key ? render : undefined;
}
