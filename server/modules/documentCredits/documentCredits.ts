import type { Contribution, DocumentCredits } from '../../../shared/contracts/documentCredits';
import type { Role } from '../../../shared/roles';
import type { DocumentsTable } from '../../db/schema';
import type { Services } from '../../services';
import { documentAccess } from '../documents/documentOperations';
import { quotesWithConsent, quoteState } from '../quotes/quoteOperations';
import { creditList, type Participant } from './creditList';

/**
 * Who took part in a document (issue 11 §2): who changed its text (`document_authors`, kept apart from the
 * trimmed log), whose words are quoted in it while consent allows them to be read (`use`: members for the
 * document itself, anyone for a public edition), and who commented on it. Named only under the name each agreed
 * to be credited with (`member_credits`); everyone else is counted.
 */
export async function documentCredits(services: Services, documentId: string, userId: string) {
  const { row } = await documentAccess(services, documentId, userId);
  return creditsOf(services, row);
}

/** The credits of `row`, for whoever may already read it (the route checks; an export job's exporter did). */
export async function creditsOf(
  services: Services,
  row: Pick<DocumentsTable, 'id' | 'workspace_id'>,
  use: 'quote.draft' | 'quote.publish' = 'quote.draft',
): Promise<DocumentCredits> {
  const [authors, quotes, threads, credited, members] = await Promise.all([
    services.publishing.documentAuthors(row.id),
    quotesWithConsent(services, row.id),
    services.documentThreads.listForDocument(row.id),
    services.publishing.creditedMembers(row.workspace_id),
    services.workspaces.members(row.workspace_id),
  ]);
  const comments = await services.documentThreads.commentsOf(threads.map((t) => t.id));

  const took = new Map<string, Set<Contribution>>();
  const add = (id: string, what: Contribution) => took.set(id, (took.get(id) ?? new Set()).add(what));
  for (const id of authors) add(id, 'wrote');
  for (const q of quotes) if (q.clip && quoteState(q.row, q.facts, use) === 'ok') add(q.clip.contributor_id, 'quoted');
  for (const c of comments) add(c.author_id, 'commented');

  const participants: Participant[] = [...took].map(([id, contributions]) => ({ userId: id, contributions }));
  const named = new Map<string, { name: string; role: Role }>(
    [...credited].map(([id, m]) => [id, { name: m.name, role: m.role as Role }]),
  );
  return creditList(participants, named, new Map(members.map((m) => [m.userId, m.role as Role])));
}
