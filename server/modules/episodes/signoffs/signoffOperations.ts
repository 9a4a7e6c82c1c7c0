import type { MySignoff, SignoffBody, SignoffList, SignoffSetting } from '../../../../shared/contracts/signoffs';
import { nowIso } from '../../../clock';
import { AppError } from '../../../errors';
import { authorize, mayEpisode } from '../../../policies/authorize';
import { roleMay } from '../../../policies/rules';
import { actorIn } from '../../../policies/actor';
import { loadEpisodeFor, presentRender, type EpisodeContext } from '../episodeOperations';
import { renderConsent, renderGone } from '../renderConsent';
import { renderToSignOff, signoffsFor } from './signoffStatus';

/** Everyone heard in the episode's newest passing render and where their sign-off stands (any member may look). */
export async function listSignoffs(ctx: EpisodeContext, episodeId: string, userId: string): Promise<SignoffList> {
  const { episode, actor } = await loadEpisodeFor(ctx, episodeId, userId, 'episode.view');
  const { services } = ctx;
  const render = await renderToSignOff(services, episode.id);
  const [people, enabled, override] = await Promise.all([
    render ? signoffsFor(services, episode.id, render) : [],
    services.signoffs.enabledIn(episode.workspace_id),
    services.signoffs.latestOverride(episode.id),
  ]);
  const required = people.map((p) => p.signoff);
  return {
    required,
    complete: required.every((s) => s.state === 'approved'),
    enabled,
    renderId: render?.id ?? null,
    override: override
      ? { reason: override.reason, by: { id: override.created_by, name: override.name }, at: override.created_at }
      : null,
    abilities: {
      override: mayEpisode(actor, 'episode.publishWithoutSignoff'),
      changeSetting: actor.role !== undefined && roleMay(actor.role, 'workspace.update'),
    },
  };
}

/**
 * The signed-in person's own parts in the newest passing render, with the render's audio to play each stretch
 * from (the consent rules still decide whether it may be played), and their sign-off.
 */
export async function mySignoff(ctx: EpisodeContext, episodeId: string, userId: string): Promise<MySignoff> {
  const { episode } = await loadEpisodeFor(ctx, episodeId, userId, 'episode.view');
  const { services } = ctx;
  const render = await renderToSignOff(services, episode.id);
  const me = render ? (await signoffsFor(services, episode.id, render)).find((p) => p.userId === userId) : undefined;
  if (!render || !me) {
    return {
      heard: false,
      renderId: render?.id ?? null,
      audioUrl: null,
      unavailableReason: null,
      parts: [],
      signoff: null,
    };
  }
  const gone = await renderGone(services, render);
  const refusal = gone ? gone.message : (await renderConsent(services, render, 'episode.draft')).refusal;
  return {
    heard: true,
    renderId: render.id,
    audioUrl: refusal ? null : presentRender(render).audioUrl,
    unavailableReason: refusal ? (gone ? refusal : `${refusal} This render can no longer be played.`) : null,
    parts: me.parts,
    signoff: me.signoff,
  };
}

/** A person heard in the newest passing render approves their parts, or asks for a change with a note. */
export async function decideSignoff(
  ctx: EpisodeContext,
  episodeId: string,
  userId: string,
  body: SignoffBody,
): Promise<SignoffList> {
  const { episode } = await loadEpisodeFor(ctx, episodeId, userId, 'episode.view');
  const { services } = ctx;
  const render = await renderToSignOff(services, episode.id);
  if (!render) {
    throw new AppError(
      'conflict',
      'There is nothing to sign off yet: this episode has no finished version. You will be asked once it has one.',
    );
  }
  const me = (await signoffsFor(services, episode.id, render)).find((p) => p.userId === userId);
  if (!me) {
    throw new AppError(
      'forbidden',
      'Only the people whose voices are in the newest version of this episode are asked to sign it off, and yours is not in it.',
    );
  }
  const note = body.note ?? null;
  await services.signoffs.decide(
    {
      episode_id: episode.id,
      user_id: userId,
      workspace_id: episode.workspace_id,
      parts_fingerprint: me.fingerprint,
      render_id: render.id,
      state: body.decision,
      note,
      decided_at: nowIso(),
    },
    {
      workspaceId: episode.workspace_id,
      actorId: userId,
      action: 'episode.signoff',
      subjectId: episode.id,
      detail: { decision: body.decision, renderId: render.id },
    },
  );
  services.bus.emit('episode:signoffDecided', {
    workspaceId: episode.workspace_id,
    episodeId: episode.id,
    userId,
    decision: body.decision,
    note,
  });
  return listSignoffs(ctx, episode.id, userId);
}

/** Whether the workspace asks the people heard to sign off before publishing (any member may look). */
export async function getSignoffSetting(
  ctx: EpisodeContext,
  workspaceId: string,
  userId: string,
): Promise<SignoffSetting> {
  authorize(await actorIn(ctx.services, workspaceId, userId), 'workspace.view');
  return { enabled: await ctx.services.signoffs.enabledIn(workspaceId) };
}

/** An admin turns sign-off on or off for the workspace; the audit trail records it. */
export async function putSignoffSetting(
  ctx: EpisodeContext,
  workspaceId: string,
  userId: string,
  enabled: boolean,
): Promise<SignoffSetting> {
  authorize(await actorIn(ctx.services, workspaceId, userId), 'workspace.update');
  await ctx.services.signoffs.setEnabled(workspaceId, enabled, userId, nowIso(), {
    workspaceId,
    actorId: userId,
    action: 'workspace.signoffSetting',
    subjectId: workspaceId,
    detail: { enabled },
  });
  return { enabled };
}
