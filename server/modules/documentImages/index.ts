import type { ChorusModule } from '../chorusModule';
import { documentImageRoutes } from './documentImageRoutes';

/**
 * Pictures in written documents: the upload (checked by its first bytes, kept under the document's prefix) and
 * the picture for members. The `image` node of the shared editor schema places it in the text with its alt text.
 */
export const documentImagesModule: ChorusModule = {
  name: 'documentImages',
  setUp: ({ api, services }) => {
    documentImageRoutes(api, services);
  },
};
