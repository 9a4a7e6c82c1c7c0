import * as Y from 'yjs';
import { timelineSchema } from '../../../shared/contracts/episodes';
import { readTimelineDoc, type RawTimeline } from '../../../shared/episodes/timelineDoc';
import type { TimelineCheck } from '../../../shared/realtime/collab';
import type { CollabDocument } from '../../collab/collabDocument';
import type { CollabServer } from '../../collab/collabServer';
import { isAppError } from '../../errors';
import { parseOrThrow } from '../../http/validate';
import type { Services } from '../../services';
import { checkTimeline } from './timeline';

export interface TimelineSync {
  /**
   * Resolves once what the document holds now has been checked, and stored when valid. A document not
   * in memory is read from storage and checked too: a server that stopped without warning may have
   * logged changes it never got to check.
   */
  flush(documentId: string, episodeId: string): Promise<void>;
  /** Graceful shutdown (after the collab server closed): waits for the last checks to be stored. */
  close(): Promise<void>;
}

interface Watch {
  doc: CollabDocument;
  /** The episode whose timeline this document is; null for any other document. */
  episodeId: Promise<string | null>;
  dirty: boolean;
  timer: NodeJS.Timeout | null;
}

/**
 * Keeps `episodes.timeline` in step with the live timeline document: a while after accepted changes
 * (and at once when the document leaves memory), the Y state is read and checked with the same rules as
 * PUT /timeline. A valid timeline is stored; an invalid one is not (the last valid one stays, and is what
 * the feed's flags and the next check compare with), and everyone in the document is told why.
 */
export function startTimelineSync(services: Services, collab: CollabServer, debounceMs: number): TimelineSync {
  const { episodes } = services;
  const logger = services.logger.child({ module: 'timeline-sync' });
  const watches = new Map<string, Watch>();
  /** One check at a time per document, in the order their states were read. */
  const chains = new Map<string, Promise<void>>();

  async function store(documentId: string, episodeId: string, raw: RawTimeline): Promise<void> {
    const episode = await episodes.findById(episodeId);
    if (!episode) return;
    let check: TimelineCheck;
    try {
      const timeline = parseOrThrow(timelineSchema, raw, 'body');
      await checkTimeline(services, episode.workspace_id, timeline);
      const json = JSON.stringify(timeline);
      if (json !== episode.timeline) await episodes.update(episode.id, { timeline: json });
      check = { episodeId, saved: true, message: null, problems: [] };
    } catch (e) {
      if (!isAppError(e) || e.code !== 'validation_failed') throw e;
      const message = `These changes are not used yet (the last good timeline is kept for rendering): ${e.message}`;
      check = { episodeId, saved: false, message, problems: e.fields ?? [] };
    }
    collab.tellDocument(documentId, 'timeline:check', check);
  }

  function enqueue(watch: Watch): Promise<void> {
    watch.dirty = false;
    if (watch.timer) clearTimeout(watch.timer);
    watch.timer = null;
    // Read now, while the document is surely in memory; checked in turn.
    const raw = readTimelineDoc(watch.doc.ydoc);
    return inTurn(watch.doc.id, async () => {
      const episodeId = await watch.episodeId;
      if (episodeId) await store(watch.doc.id, episodeId, raw);
    });
  }

  function inTurn(documentId: string, work: () => Promise<void>): Promise<void> {
    const next = (chains.get(documentId) ?? Promise.resolve())
      .then(work)
      .catch((e: unknown) =>
        logger.error({ err: e, documentId }, 'could not check the live timeline; the last stored one is kept'),
      );
    chains.set(documentId, next);
    void next.finally(() => {
      if (chains.get(documentId) === next) chains.delete(documentId);
    });
    return next;
  }

  function watch(doc: CollabDocument): void {
    const episodeId = episodes.findByTimelineDocument(doc.id).then(
      (e) => e?.id ?? null,
      (e: unknown) => {
        logger.error({ err: e, documentId: doc.id }, 'could not tell whether a document is a timeline');
        return null;
      },
    );
    const w: Watch = { doc, episodeId, dirty: false, timer: null };
    watches.set(doc.id, w);
    const onUpdate = () => {
      w.dirty = true;
      if (!w.timer) w.timer = setTimeout(() => void enqueue(w), debounceMs);
    };
    doc.ydoc.on('update', onUpdate);
    doc.ydoc.once('destroy', () => {
      if (w.dirty) void enqueue(w);
      if (w.timer) clearTimeout(w.timer);
      doc.ydoc.off('update', onUpdate);
      if (watches.get(doc.id) === w) watches.delete(doc.id);
    });
    void episodeId.then((id) => {
      if (id !== null) return;
      // Not a timeline: nothing to keep in step.
      if (w.timer) clearTimeout(w.timer);
      doc.ydoc.off('update', onUpdate);
      if (watches.get(doc.id) === w) watches.delete(doc.id);
    });
  }
  collab.registry.onOpened.add(watch);

  return {
    async flush(documentId, episodeId) {
      const w = watches.get(documentId);
      if (!w) {
        return inTurn(documentId, async () => {
          const doc = new Y.Doc();
          try {
            Y.applyUpdate(doc, await collab.readState(documentId));
            await store(documentId, episodeId, readTimelineDoc(doc));
          } finally {
            doc.destroy();
          }
        });
      }
      if (w.dirty) await enqueue(w);
      await chains.get(documentId);
    },
    async close() {
      collab.registry.onOpened.delete(watch);
      for (const w of watches.values()) if (w.dirty) void enqueue(w);
      await Promise.allSettled([...chains.values()]);
    },
  };
}
