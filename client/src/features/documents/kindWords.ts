import type { DocumentKind } from '../../../../shared/contracts/documents';

/** Plain words for each kind of document. */
export const kindLabels: Record<DocumentKind, string> = {
  publication: 'Publication',
  script: 'Episode script',
};

export const kindHints: Record<DocumentKind, string> = {
  publication: 'A written piece for readers, such as a report or a guide.',
  script: 'The words for one podcast episode.',
};
