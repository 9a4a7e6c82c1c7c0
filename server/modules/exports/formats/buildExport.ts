import type { ExportFormat } from '../../../../shared/contracts/exports';
import type { TitlePage } from '../../../../shared/contracts/titlePage';
import { rejectedView } from '../../../../shared/editor/suggestionView';
import { renderJson } from '../../../collab/renderJson';
import { withQuoteBlocks, type QuoteBlocks } from '../../quotes/quoteBlocks';
import { withAcknowledgements } from './acknowledgements';
import { withAbout, type CopyFacts } from './frontMatter';
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
  /** A publication's title page: the cover, a contents list and "About this publication" are made from it. */
  titlePage?: TitlePage | null;
  /** Which copy this is (an edition, a named version) and when it was made, for "About this publication". */
  copy?: CopyFacts;
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
  titlePage = null,
  copy = { madeAt: new Date().toISOString() },
  images = {},
}: ExportInput): Promise<Uint8Array> {
  const formatter = exportFormatters[format];
  if (!formatter) throw new Error(`Exports to “${format}” are not made by this server.`);
  const accepted = withImages(rejectedView(renderJson(state)) ?? { type: 'doc', content: [] }, images);
  const body = withAbout(
    withAcknowledgements(withQuoteBlocks(accepted, quotes), acknowledgements),
    titlePage,
    copy,
    language,
  );
  // A title page's title is the publication's: it heads the cover and names the file's metadata.
  const made = await formatter.build(exportSourceOf(titlePage?.title ?? title, language, body, titlePage));
  return typeof made === 'string' ? Buffer.from(made, 'utf8') : made;
}
