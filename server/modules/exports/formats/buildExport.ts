import type { ExportFormat } from '../../../../shared/contracts/exports';
import { rejectedView } from '../../../../shared/editor/suggestionView';
import { renderJson } from '../../../collab/renderJson';
import { withQuoteBlocks, type QuoteBlocks } from '../../quotes/quoteBlocks';
import { withAcknowledgements } from './acknowledgements';
import { withImages, type ExportImages } from './exportImages';
import { exportFormatters } from './index';
import { exportSourceOf } from './readableBody';

/** What making one export takes: the document's Yjs state (or a version's) and what to call it. */
export interface ExportInput {
  state: Uint8Array;
  format: ExportFormat;
  title: string;
  /** BCP 47 language tag of the text. */
  language: string;
  /** What each quote from a recording becomes, worked out against consent before the export starts. */
  quotes: QuoteBlocks;
  /** The generated acknowledgements' sentences (the document's credits), printed after the text. */
  acknowledgements?: string[];
  /** The pictures the text shows, read from storage by the job (by image id, within this document). */
  images?: ExportImages;
}

/**
 * Renders the state with the shared schema and makes the file: all of an export but fetching and storing. Open
 * suggestions are left out: an export holds the accepted text (suggested insertions dropped, suggested deletions
 * kept, suggested formatting undone), as the text reads with every suggestion rejected.
 */
export async function buildExport({
  state,
  format,
  title,
  language,
  quotes,
  acknowledgements,
  images = {},
}: ExportInput): Promise<Uint8Array> {
  const formatter = exportFormatters[format];
  if (!formatter) throw new Error(`Exports to “${format}” are not made by this server.`);
  const accepted = withImages(rejectedView(renderJson(state)) ?? { type: 'doc', content: [] }, images);
  const made = await formatter.build(
    exportSourceOf(title, language, withAcknowledgements(withQuoteBlocks(accepted, quotes), acknowledgements)),
  );
  return typeof made === 'string' ? Buffer.from(made, 'utf8') : made;
}
