import * as Y from 'yjs';
import { rejectedView } from '../../../shared/editor/suggestionView';
import { readTranscriptDoc } from '../../../shared/transcripts/transcriptDoc';
import type { CollabServer } from '../../collab/collabServer';
import { renderJson } from '../../collab/render';
import type { Services } from '../../services';
import { redactedTranscript } from '../transcripts/liveTranscripts';
import { catchUpTurns } from './catchUpTurns';
import { documentPassages, episodePassages, transcriptPassages } from './passages';
import type { NewPassage, StaleSource } from './searchRepository';

export interface SearchIndex {
  /** Brings one workspace's passages up to date with its transcripts, documents and episodes. */
  catchUp(workspaceId: string): Promise<void>;
}

/**
 * Keeps the index in step with its sources by comparing versions (a document's log position, a row's
 * `updated_at`) before a search: whatever changed since it was last indexed is read and cut into passages
 * again, so a search never answers from text older than the live documents, on any instance, whatever path the
 * change took. The comparison is skipped while triggers have noted no change in the workspace since the last one.
 * One catch-up per workspace at a time here (a search meanwhile waits for it and one more, `catchUpTurns`), and one
 * per database (instances take turns).
 */
/** Passages written in one catch-up (a first indexing, a large import) after which the database's statistics are renewed. */
const statisticsAfter = 5000;

export function searchIndex(services: Services, collab: CollabServer): SearchIndex {
  async function passagesOf(source: StaleSource): Promise<NewPassage[]> {
    if (source.kind === 'episode') return episodePassages(source.title, source.description);
    const state = await collab.readState(source.documentId!);
    // The text as it stands: open suggestions are not yet part of it (and a rejected one never will be).
    if (source.kind === 'document')
      return documentPassages(source.title, rejectedView(renderJson(state)) ?? { type: 'doc', content: [] });
    const struck = await services.clipRedactions.listForClip(source.itemId);
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, state);
      // Struck-out words are never found (the clip is indexed again whenever its redactions change).
      return transcriptPassages(source.title, redactedTranscript(readTranscriptDoc(doc), struck));
    } finally {
      doc.destroy();
    }
  }

  async function catchUpNow(workspaceId: string): Promise<void> {
    // Nothing search reads in the workspace changed since its last catch-up (on any instance): nothing to compare.
    if (!(await services.search.changed(workspaceId))) return;
    await services.search.exclusively(workspaceId, async (rows) => {
      // Another instance may have caught up while this one waited for its turn.
      if (!(await rows.changed(workspaceId))) return;
      await rows.markChanges(workspaceId);
      const { stale, gone } = await rows.staleSources(workspaceId);
      for (const itemId of gone) await rows.forget(itemId);
      let written = 0;
      let failed = false;
      for (const source of stale) {
        try {
          const passages = await passagesOf(source);
          await rows.replace({ ...source, workspaceId }, passages);
          written += passages.length;
        } catch (err) {
          // One source that cannot be read leaves its old passages (or none) and the search goes on with the rest;
          // the notes stay, so the next search tries it again.
          failed = true;
          services.logger.error({ err, itemId: source.itemId }, 'could not index a source for search');
        }
      }
      if (!failed) await rows.clearChanges(workspaceId);
      if (written >= statisticsAfter) await rows.refreshStatistics();
    });
  }

  return { catchUp: catchUpTurns(catchUpNow) };
}
