import type { DocumentKind } from '../../../../shared/contracts/documents';
import type { Role } from '../../../../shared/roles';

/** Plain words for each kind of document. */
export const kindLabels: Record<DocumentKind, string> = {
  publication: 'Publication',
  script: 'Episode script',
};

export const kindHints: Record<DocumentKind, string> = {
  publication: 'A written piece for readers, such as a report or a guide.',
  script: 'The words for one podcast episode.',
};

/**
 * Who may start a document, for showing the form only. The server decides (its policy module); the
 * workspace's abilities do not say this yet, so it is read from the role as the rules table has it.
 */
export const mayStartDocuments = (role: Role): boolean => role !== 'carer';
