import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import type { DocumentSuggestionsTable } from '../db/schema';
import { isSuggestionMarkName } from '../../shared/editor/suggestionMarks';
import { sameAcceptedText, suggestionKey, suggestionsInText } from '../../shared/editor/suggestionView';
import type { Logger } from '../logger';
import type { Incoming } from './incoming';
import type { Peer } from './peers';
import { renderJson } from './renderJson';

/** Where the authors of suggestions are kept (the `document_suggestions` table). */
export interface SuggestionAuthorStore {
  authors(documentId: string, suggestionIds: readonly string[]): Promise<Map<string, string>>;
  record(rows: readonly DocumentSuggestionsTable[]): Promise<void>;
}

/** Someone who may suggest changes to this document but not change its text. */
export const suggestsOnly = (peer: Peer): boolean => !peer.canEdit && peer.canSuggest;

const refusal = (peer: Peer) =>
  ({
    code: 'forbidden',
    message: `Your change was not saved. ${peer.readOnlyReason} You can suggest changes instead: they show to everyone until an editor accepts or rejects them. Other people’s suggestions stay as they made them. Reload the page to see the document as it is.`,
  }) as const;

/** A suggestion mark's attribute in a Y.XmlText: the mark name, or the name and a hash when marks of one kind may overlap. */
const markKeyPattern = /^(insertion|deletion|modification)(--[a-zA-Z0-9+/=]{8})?$/;

/** The suggestion ids an update writes as formatting (text marks), whoever wrote them first. */
export function suggestionIdsIn(decoded: ReturnType<typeof Y.decodeUpdate>): Set<string> {
  const ids = new Set<string>();
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentFormat)) continue;
    const { key, value } = struct.content;
    const name = markKeyPattern.exec(key)?.[1];
    if (!name || !isSuggestionMarkName(name) || !value || typeof value !== 'object') continue;
    const id = (value as { id?: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') ids.add(suggestionKey(id));
  }
  return ids;
}

/**
 * Enforces suggesting for one open document, before anything is logged: an update from someone who may
 * only suggest is let through only when the text with every suggestion rejected is the same before and after
 * it, and every suggestion made by someone else is exactly as it was. It also records who made each new
 * suggestion, from the sender of the update that first carried its id.
 */
export class SuggestionGuard {
  /** Suggestion key → author user id, as far as this instance has seen or read them. */
  private readonly known = new Map<string, string>();

  constructor(
    private readonly documentId: string,
    private readonly store: SuggestionAuthorStore,
    private readonly logger: Logger,
  ) {}

  /**
   * What of a batch may be logged, checked against the document as it will be when each change is applied. When
   * the check itself fails (the authors could not be read), every suggest-only change in the batch is refused
   * with a word to its sender, and the rest goes on.
   */
  async vetBatch(doc: Y.Doc, batch: readonly Incoming[]): Promise<Incoming[]> {
    try {
      return (await this.vet(doc, batch)).accepted;
    } catch (err) {
      this.logger.error({ err, documentId: this.documentId }, 'could not check suggested changes');
      for (const item of batch) {
        if (suggestsOnly(item.peer))
          item.peer.error({
            code: 'unavailable',
            message: 'Your suggestion could not be checked just now. Join the document again.',
          });
      }
      this.dropClaims();
      return batch.filter((item) => !suggestsOnly(item.peer));
    }
  }

  /** Sorts a batch into what may be logged and what is refused (each refused sender is told why). */
  async vet(doc: Y.Doc, batch: readonly Incoming[]): Promise<{ accepted: Incoming[]; refused: Incoming[] }> {
    const accepted: Incoming[] = [];
    const refused: Incoming[] = [];
    if (!batch.some((item) => suggestsOnly(item.peer))) return { accepted: [...batch], refused };
    let scratch: Y.Doc | null = null;
    let current: JSONContent | null = null;
    try {
      for (const item of batch) {
        if (!suggestsOnly(item.peer)) {
          accepted.push(item);
          if (scratch) {
            Y.applyUpdate(scratch, item.update);
            current = null;
          }
          continue;
        }
        if (!scratch) {
          scratch = copyOf(doc);
          for (const earlier of accepted) Y.applyUpdate(scratch, earlier.update);
        }
        current ??= renderJson(scratch);
        const candidate = copyOf(scratch);
        Y.applyUpdate(candidate, item.update);
        const after = renderJson(candidate);
        if (await this.allowed(current, after, item.peer.userId)) {
          this.claim(current, after, item.peer.userId);
          scratch.destroy();
          scratch = candidate;
          current = after;
          accepted.push(item);
        } else {
          candidate.destroy();
          item.peer.error(refusal(item.peer));
          refused.push(item);
        }
      }
    } finally {
      scratch?.destroy();
    }
    return { accepted, refused };
  }

  private async allowed(before: JSONContent, after: JSONContent, userId: string): Promise<boolean> {
    if (!sameAcceptedText(before, after)) return false;
    const afterByKey = new Map(suggestionsInText(after).map((s) => [s.key, s.fingerprint]));
    const others = suggestionsInText(before);
    await this.load(others.map((s) => s.key));
    // Someone else's suggestion (or one nobody is recorded for) must be left exactly as it was.
    return others.every((s) => this.known.get(s.key) === userId || afterByKey.get(s.key) === s.fingerprint);
  }

  /** Suggestions that appear in `after` and not in `before` are the sender's, unless someone is recorded already. */
  private claim(before: JSONContent, after: JSONContent, userId: string): void {
    const had = new Set(suggestionsInText(before).map((s) => s.key));
    this.pendingClaims.push(
      ...suggestionsInText(after)
        .filter((s) => !had.has(s.key))
        .map((s) => ({ key: s.key, userId })),
    );
  }

  private pendingClaims: { key: string; userId: string }[] = [];

  private async load(keys: readonly string[]): Promise<void> {
    const missing = keys.filter((k) => !this.known.has(k));
    if (missing.length === 0) return;
    for (const [key, author] of await this.store.authors(this.documentId, missing)) this.known.set(key, author);
  }

  /**
   * After a batch is logged and applied: records the author of every suggestion id not seen before, from the
   * sender of the first update that carried it. A failed write is logged; the text itself is already safe.
   */
  async applied(items: readonly Incoming[]): Promise<void> {
    const claims = this.pendingClaims.splice(0);
    for (const item of items) {
      for (const key of suggestionIdsIn(item.decoded)) claims.push({ key, userId: item.peer.userId });
    }
    if (claims.length === 0) return;
    try {
      await this.load([...new Set(claims.map((c) => c.key))]);
    } catch (err) {
      this.logger.error({ err, documentId: this.documentId }, 'could not read the authors of suggestions');
      return;
    }
    const now = new Date().toISOString();
    const rows: DocumentSuggestionsTable[] = [];
    for (const { key, userId } of claims) {
      if (this.known.has(key)) continue;
      this.known.set(key, userId);
      rows.push({
        document_id: this.documentId,
        suggestion_id: key,
        author_id: userId,
        created_at: now,
        state: 'open',
      });
    }
    await this.store
      .record(rows)
      .catch((err: unknown) =>
        this.logger.error({ err, documentId: this.documentId }, 'could not record the authors of suggestions'),
      );
  }

  /** Forgets what a refused or unlogged batch would have claimed. */
  dropClaims(): void {
    this.pendingClaims = [];
  }
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: false });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}
