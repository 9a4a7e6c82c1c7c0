import type { DocumentsTable } from '../db/schema';
import { notFound } from '../errors';
import type { Services } from '../services';

/** What live editing needs to know before letting someone into a document. */
export interface CollabAccess {
  workspaceId: string;
  canEdit: boolean;
  /**
   * May suggest changes as suggestion marks. Someone who may suggest but not edit has every update checked
   * (suggestionGuard.ts); kinds without suggestions leave it out (false).
   */
  canSuggest?: boolean;
  /** Why the person may not edit, in words they can act on; empty when they may. */
  readOnlyReason: string;
}

/**
 * Decides one kind of document's access by its own domain's rules. Throws the same AppError the HTTP routes
 * would (`not_found` for a document the person may not know of), never answers for another kind.
 */
export type CollabAccessRule = (services: Services, row: DocumentsTable, userId: string) => Promise<CollabAccess>;

/**
 * The kinds of document carried on `/collab`, each registered by the module whose rules it follows (written
 * documents by documents, an episode's timeline by episodes), so the engine itself knows no domain.
 */
export class DocumentKinds {
  private readonly rules = new Map<string, CollabAccessRule>();

  register(kinds: readonly string[], rule: CollabAccessRule): void {
    for (const kind of kinds) {
      if (this.rules.has(kind)) throw new Error(`document kind ${kind} is registered twice`);
      this.rules.set(kind, rule);
    }
  }

  async access(services: Services, documentId: string, userId: string): Promise<CollabAccess> {
    const row = await services.documents.findById(documentId);
    const rule = row && this.rules.get(row.kind);
    // A kind nobody registered is not carried here: answered like a missing document.
    if (!row || !rule) throw notFound('document');
    return rule(services, row, userId);
  }
}
