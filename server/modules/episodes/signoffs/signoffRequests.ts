import type { EpisodeContext } from '../episodeContext';
import { peopleHeardIn, signoffsFor } from './signoffStatus';

/**
 * When a render passes, the people heard in it whose parts are new or changed (no decision on these parts, and
 * not already asked about the same parts by the render before) are asked to sign off: `episode:signoffRequested`,
 * for notifications to deliver.
 */
export function askForSignoffs(ctx: EpisodeContext): void {
  const { services } = ctx;
  const ask = async (renderId: string) => {
    const render = await services.episodes.findRender(renderId);
    if (!render?.blob_key || !(await services.signoffs.enabledIn(render.workspace_id))) return;
    const renders = await services.episodes.listRenders(render.episode_id);
    const before = renders.find(
      (r) => r.status === 'passed' && r.id !== render.id && r.created_at <= render.created_at && r.blob_key,
    );
    const [people, earlier] = await Promise.all([
      signoffsFor(services, render.episode_id, render),
      before ? peopleHeardIn(services, before) : [],
    ]);
    const askedBefore = new Map(earlier.map((p) => [p.userId, p.fingerprint]));
    const userIds = people
      .filter((p) => p.signoff.state === 'pending' && askedBefore.get(p.userId) !== p.fingerprint)
      .map((p) => p.userId);
    if (userIds.length === 0) return;
    services.bus.emit('episode:signoffRequested', {
      workspaceId: render.workspace_id,
      episodeId: render.episode_id,
      renderId: render.id,
      userIds,
    });
  };
  services.bus.on('episode:render', (e) => {
    if (e.status !== 'passed') return;
    ask(e.renderId).catch((err: unknown) =>
      services.logger.error({ err, renderId: e.renderId }, 'could not ask the people heard in a render to sign it off'),
    );
  });
}
