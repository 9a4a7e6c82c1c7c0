import { randomUUID } from 'node:crypto';
import type { FieldProblem } from '../../../../shared/errors';
import type { PublishBody } from '../../../../shared/contracts/signoffs';
import { nowIso } from '../../../clock';
import type { EpisodeRendersTable, EpisodesTable } from '../../../db/schema';
import { AppError } from '../../../errors';
import { authorizeEpisode, type Actor } from '../../../policies/authorize';
import type { Services } from '../../../services';
import { namesInWords } from '../../../../shared/namesInWords';
import { signoffsFor, type PersonHeard } from './signoffStatus';

const waitingWords = (p: PersonHeard) =>
  p.signoff.state === 'changes_requested' ? `${p.name} asked for a change` : `${p.name} has not answered yet`;

/** What an editor reads when publishing waits for sign-off: who, what they said, and what can be done. */
function pendingRefusal(waiting: PersonHeard[]): AppError {
  const asked = waiting.filter((p) => p.signoff.state === 'changes_requested');
  const silent = waiting.filter((p) => p.signoff.state !== 'changes_requested');
  const parts = [
    ...(silent.length
      ? [`${namesInWords(silent.map((p) => p.name))} ${silent.length === 1 ? 'has' : 'have'} not answered yet`]
      : []),
    ...(asked.length ? [`${namesInWords(asked.map((p) => p.name))} asked for a change`] : []),
  ];
  const fields: FieldProblem[] = waiting.map((p) => ({ path: `signoffs.${p.userId}`, message: waitingWords(p) }));
  return new AppError(
    'signoff_pending',
    `Not everyone heard in this episode has signed off their parts: ${parts.join('; ')}. ` +
      'Ask them to listen to their parts on this episode’s page (or make the change they asked for and render again). ' +
      'An admin can publish without their sign-off, giving a reason.',
    { fields },
  );
}

/**
 * Before `render` is published: everyone heard in it must have approved their parts as they are in it, except the
 * publisher, whose publishing counts as approving their own. Throws 409 `signoff_pending` naming who is waited
 * for, unless an admin gives `override.reason` (an editor is refused with 403). Returns what to record once the
 * episode is published: the publisher's approval and the override, each with its audit entry.
 */
export async function signoffGate(
  services: Services,
  episode: EpisodesTable,
  render: EpisodeRendersTable,
  actor: Actor,
  override: PublishBody['override'],
): Promise<() => Promise<void>> {
  if (!(await services.signoffs.enabledIn(episode.workspace_id))) return async () => {};
  const people = await signoffsFor(services, episode.id, render);
  const publisher = people.find((p) => p.userId === actor.userId && p.signoff.state !== 'approved');
  const waiting = people.filter((p) => p.userId !== actor.userId && p.signoff.state !== 'approved');
  if (waiting.length > 0) {
    if (!override) throw pendingRefusal(waiting);
    authorizeEpisode(actor, 'episode.publishWithoutSignoff');
  }
  const audit = (action: string, detail: Record<string, unknown>) => ({
    workspaceId: episode.workspace_id,
    actorId: actor.userId,
    action,
    subjectId: episode.id,
    detail: { renderId: render.id, ...detail },
  });
  return async () => {
    const at = nowIso();
    if (publisher) {
      await services.signoffs.decide(
        {
          episode_id: episode.id,
          user_id: publisher.userId,
          workspace_id: episode.workspace_id,
          parts_fingerprint: publisher.fingerprint,
          render_id: render.id,
          state: 'approved',
          note: null,
          decided_at: at,
        },
        audit('episode.signoff', { decision: 'approved', byPublishing: true }),
      );
      services.bus.emit('episode:signoffDecided', {
        workspaceId: episode.workspace_id,
        episodeId: episode.id,
        userId: publisher.userId,
        decision: 'approved',
        note: null,
      });
    }
    if (waiting.length > 0 && override) {
      await services.signoffs.insertOverride(
        {
          id: randomUUID(),
          episode_id: episode.id,
          workspace_id: episode.workspace_id,
          render_id: render.id,
          reason: override.reason,
          created_by: actor.userId,
          created_at: at,
        },
        audit('episode.signoffOverridden', {
          reason: override.reason,
          waitingFor: waiting.map((p) => ({ userId: p.userId, state: p.signoff.state })),
        }),
      );
    }
  };
}
