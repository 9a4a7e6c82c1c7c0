import * as Y from 'yjs';
import type { DocumentSuggestionList } from '../../../shared/contracts/documentSuggestions';
import { suggestionsInText } from '../../../shared/editor/suggestionView';
import type { CollabServer } from '../../collab/collabServer';
import { renderJson } from '../../collab/renderJson';
import { mayDocument } from '../../policies/authorize';
import type { Services } from '../../services';
import { documentAccess, documentFacts } from '../documents/documentOperations';

const excerpt = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text);

/** The open suggestions in a document, in text order, each with who made it (any member). */
export async function listSuggestions(
  services: Services,
  collab: CollabServer,
  documentId: string,
  userId: string,
): Promise<DocumentSuggestionList> {
  const access = await documentAccess(services, documentId, userId);
  const live = collab.registry.get(documentId);
  const state = live ? Y.encodeStateAsUpdate(live.ydoc) : await collab.readState(documentId);
  const found = suggestionsInText(renderJson(state));
  const authors = await services.documentSuggestions.authors(
    documentId,
    found.map((s) => s.key),
  );
  const rows = await services.documentSuggestions.listForDocument(documentId);
  const createdAt = new Map(rows.map((r) => [r.suggestion_id, r.created_at]));
  // Accepting and rejecting are ordinary changes to the text, so a suggestion is known to be settled only when its
  // marks are seen gone: here, where the text is read anyway (the list is fetched again after every change).
  const inText = new Set(found.map((s) => s.key));
  await services.documentSuggestions.settle(
    documentId,
    rows.filter((r) => r.state === 'open' && !inText.has(r.suggestion_id)).map((r) => r.suggestion_id),
  );
  const people = await Promise.all(
    [...new Set(authors.values())].map(async (id) => [id, (await services.users.findById(id))?.name] as const),
  );
  const names = new Map(people);
  const canSuggest =
    access.canEdit ||
    (access.row.archived_at === null && mayDocument(access.actor, 'document.comment', documentFacts(access.row)));
  return {
    suggestions: found.map((s) => {
      const authorId = authors.get(s.key);
      const kind =
        s.inserted && s.deleted
          ? 'replacement'
          : s.kinds.has('insertion')
            ? 'insertion'
            : s.kinds.has('deletion')
              ? 'deletion'
              : 'formatting';
      return {
        id: s.id,
        kind,
        inserted: excerpt(s.inserted),
        deleted: excerpt(s.deleted),
        author: authorId ? { id: authorId, name: names.get(authorId) || 'Someone' } : null,
        createdAt: createdAt.get(s.key) ?? null,
      };
    }),
    abilities: { decide: access.canEdit, suggest: canSuggest },
  };
}
