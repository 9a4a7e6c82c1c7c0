import * as Y from 'yjs';
import { timelineSchema, type Timeline } from '../../../shared/contracts/episodes';
import { readTimelineDoc, replacementUpdate } from '../../../shared/episodes/timelineDoc';
import type { CollabServer } from '../../collab/collabServer';
import type { EpisodesTable } from '../../db/schema';
import { AppError } from '../../errors';
import { parseOrThrow } from '../../http/validate';
import type { Services } from '../../services';
import { checkTimeline, parseStoredTimeline } from './timeline';
import { startTimelineSync } from './timelineSync';

/** How long after the last accepted change the live timeline is checked and stored. */
export const timelineSyncDebounceMs = 300;

/**
 * The episode's timeline as it is edited live (its Yjs document through the collab server), and the
 * validated copy in `episodes.timeline` kept in step with it.
 */
export interface LiveTimelines {
  /** The episode's timeline document id. */
  documentOf(episode: EpisodesTable): Promise<string>;
  /** The last valid timeline, once every change already accepted has been checked. */
  stored(episode: EpisodesTable): Promise<Timeline>;
  /** The timeline as the document holds it right now, checked as for `options` (throws the problems). */
  current(episode: EpisodesTable, options?: { forRender?: boolean }): Promise<Timeline>;
  /** Replaces the live content with `timeline` (already checked) in one server change everyone sees. */
  replace(episode: EpisodesTable, timeline: Timeline, userId: string): Promise<void>;
  close(): Promise<void>;
}

export function liveTimelines(services: Services, collab: CollabServer): LiveTimelines {
  const sync = startTimelineSync(services, collab, timelineSyncDebounceMs);

  async function documentOf(episode: EpisodesTable): Promise<string> {
    // Every episode gets one when it is made (migration 011 made them for older ones).
    if (!episode.timeline_document_id)
      throw new AppError('internal', 'This episode has no timeline document. Please tell the Chorus maintainers.');
    return episode.timeline_document_id;
  }

  return {
    documentOf,
    async stored(episode) {
      const documentId = await documentOf(episode);
      await sync.flush(documentId, episode.id);
      const now = await services.episodes.findById(episode.id);
      return parseStoredTimeline((now ?? episode).timeline);
    },
    async current(episode, options = {}) {
      const doc = new Y.Doc();
      try {
        Y.applyUpdate(doc, await collab.readState(await documentOf(episode)));
        const timeline = parseOrThrow(timelineSchema, readTimelineDoc(doc), 'body');
        await checkTimeline(services, episode.workspace_id, timeline, options);
        return timeline;
      } finally {
        doc.destroy();
      }
    },
    async replace(episode, timeline, userId) {
      const documentId = await documentOf(episode);
      const live = await collab.registry.open(documentId, episode.workspace_id);
      // Built against the applied state and queued at once: one transaction, through the log, relayed to everyone.
      await live.submitServerChange(replacementUpdate(Y.encodeStateAsUpdate(live.ydoc), timeline), userId);
      await sync.flush(documentId, episode.id);
    },
    close: () => sync.close(),
  };
}
