import type { Role } from '../../../shared/roles';
import { tryableTaskLabels, tryableTaskSchema } from '../../../shared/contracts/strengths';
import { consentAllows, consentFactsOf } from '../../policies/consent';
import { editionRoleMay, episodeRoleMay, type EpisodeAction } from '../../policies/rules';
import type { NotificationContext } from './notificationContext';
import { forEditors, forEveryone, reviewTexts } from './noticeTexts';
import { notify } from './notificationOperations';

/** Members whose role may do `action` with episodes: who hears about renders and flagged episodes. */
async function episodePeople(ctx: NotificationContext, workspaceId: string, action: EpisodeAction) {
  const members = await ctx.services.workspaces.members(workspaceId);
  return members.filter((m) => episodeRoleMay(m.role as Role, action)).map((m) => m.userId);
}

/** Asks the people heard in an episode's new render to listen to their parts and sign them off. */
export async function notifySignoffRequested(
  ctx: NotificationContext,
  event: { episodeId: string; workspaceId: string; userIds: string[] },
): Promise<void> {
  const episode = await ctx.services.episodes.findById(event.episodeId);
  if (!episode || episode.workspace_id !== event.workspaceId) return;
  await notify(ctx, event.userIds, {
    kind: 'signoff_request',
    workspaceId: event.workspaceId,
    text: forEveryone.episodeSignoff(episode.title),
    link: `/e/${episode.id}`,
  });
}

/**
 * Turns domain events into notices. Nothing here changes other modules: they emit events, this listens.
 * Texts name recordings and documents by their titles and never quote what was said in a recording.
 */
export function listenForNotices(ctx: NotificationContext): void {
  const { bus, logger } = ctx.services;
  const handle =
    <A extends unknown[]>(what: string, work: (...args: A) => Promise<void>) =>
    (...args: A) =>
      void work(...args).catch((err: unknown) => logger.error({ err }, `could not make the notices for ${what}`));

  bus.on(
    'episode:signoffRequested',
    handle('a sign-off request', (e) => notifySignoffRequested(ctx, e)),
  );

  bus.on(
    'member:taskOffered',
    handle('a task offer', async (e) => {
      const [by, task] = [await ctx.services.users.findById(e.offeredBy), tryableTaskSchema.safeParse(e.task)];
      if (!task.success) return;
      await notify(ctx, [e.userId], {
        kind: 'task_offer',
        workspaceId: e.workspaceId,
        text: forEveryone.taskOffer(by?.name ?? 'An editor', tryableTaskLabels[task.data].toLowerCase()),
        link: `/w/${e.workspaceId}`,
      });
    }),
  );

  bus.on(
    'thread:mention',
    handle('a mention', async (userId, e) => {
      await notify(ctx, [userId], {
        kind: 'mention',
        workspaceId: e.workspaceId,
        text: forEveryone.mention(e.by.name, e.documentTitle, e.excerpt),
        link: `/d/${e.documentId}`,
      });
    }),
  );

  bus.on(
    'thread:changed',
    handle('a reply', async (e) => {
      if (e.change !== 'replied') return;
      const reply = e.thread.comments.at(-1);
      if (!reply) return;
      const mentioned = new Set(reply.mentions.map((p) => p.id));
      // Everyone who wrote earlier in the thread, except the one answering and those the answer mentions (told already).
      const earlier = e.thread.comments
        .slice(0, -1)
        .map((c) => c.author.id)
        .filter((id) => id !== reply.author.id && !mentioned.has(id));
      if (earlier.length === 0) return;
      const doc = await ctx.services.documents.findById(e.documentId);
      await notify(ctx, earlier, {
        kind: 'reply',
        workspaceId: e.workspaceId,
        text: forEveryone.reply(reply.author.name, doc?.title ?? 'a document'),
        link: `/d/${e.documentId}`,
      });
    }),
  );

  bus.on(
    'clip:review',
    handle('a review decision', async (e) => {
      const clip = await ctx.services.clips.findById(e.clipId);
      const words = reviewTexts[e.state];
      if (!clip || !words || clip.contributor_id === e.by.id) return;
      await notify(ctx, [clip.contributor_id], {
        kind: 'review',
        workspaceId: e.workspaceId,
        text: words(e.by.name, clip.title, e.note),
        link: `/c/${clip.id}`,
        clipId: clip.id,
      });
    }),
  );

  bus.on(
    'episode:render',
    handle('a render', async (e) => {
      if (e.status !== 'passed' && e.status !== 'failing' && e.status !== 'failed') return;
      const episode = await ctx.services.episodes.findById(e.episodeId);
      if (!episode) return;
      const text =
        e.status === 'passed'
          ? forEditors.renderPassed(episode.title)
          : e.status === 'failing'
            ? forEditors.renderFailing(episode.title)
            : forEditors.renderFailed(episode.title);
      await notify(ctx, await episodePeople(ctx, e.workspaceId, 'episode.render'), {
        kind: 'render',
        workspaceId: e.workspaceId,
        text,
        link: `/e/${episode.id}`,
      });
    }),
  );

  bus.on(
    'episode:flagged',
    handle('a flagged episode', async (e) => {
      const episode = await ctx.services.episodes.findById(e.episodeId);
      if (!episode) return;
      await notify(ctx, await episodePeople(ctx, e.workspaceId, 'episode.edit'), {
        kind: 'episode_flagged',
        workspaceId: e.workspaceId,
        text: forEditors.flagged(episode.title, e.reason),
        link: `/e/${episode.id}`,
      });
    }),
  );

  bus.on(
    'edition:signoffRequested',
    handle('an edition sign-off request', async (e) => {
      const edition = await ctx.services.editions.find(e.editionId);
      if (!edition || edition.workspace_id !== e.workspaceId) return;
      await notify(ctx, e.userIds, {
        kind: 'signoff_request',
        workspaceId: e.workspaceId,
        text: forEveryone.editionSignoff(edition.title),
        link: `/editions/${edition.id}/signoff`,
      });
    }),
  );

  bus.on(
    'edition:withdrawn',
    handle('a withdrawn edition', async (e) => {
      const members = await ctx.services.workspaces.members(e.workspaceId);
      const editors = members.filter((m) => editionRoleMay(m.role as Role, 'edition.publish')).map((m) => m.userId);
      await notify(ctx, editors, {
        kind: 'edition_withdrawn',
        workspaceId: e.workspaceId,
        text: forEditors.editionWithdrawn(e.number, e.title, e.reason),
        link: `/d/${e.documentId}`,
      });
    }),
  );

  bus.on(
    'episode:published',
    handle('a published episode', async (e) => {
      const episode = await ctx.services.episodes.findById(e.episodeId);
      if (!episode) return;
      const consents = await ctx.services.clips.latestConsents(e.clipIds);
      for (const clipId of new Set(e.clipIds)) {
        const clip = await ctx.services.clips.findById(clipId);
        // Told only about a voice that may be heard by anyone: the feed serves nothing else.
        if (!clip || !consentAllows(consentFactsOf(consents.get(clipId), clip.withdrawn_at), 'episode.publish'))
          continue;
        await notify(ctx, [clip.contributor_id], {
          kind: 'clip_published',
          workspaceId: e.workspaceId,
          text: forEveryone.published(clip.title, episode.title),
          link: `/e/${episode.id}`,
          clipId,
        });
      }
    }),
  );
}
