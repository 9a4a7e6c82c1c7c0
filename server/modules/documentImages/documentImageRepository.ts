import type { Db } from '../../db/connect';
import type { DocumentImagesTable } from '../../db/schema';

/** Pictures uploaded into documents: one row each, always looked up within its document. */
export function documentImageRepository(db: Db) {
  return {
    async create(row: DocumentImagesTable): Promise<DocumentImagesTable> {
      await db.insertInto('document_images').values(row).execute();
      return row;
    },

    /** The picture, only if it belongs to this document (an id from another document finds nothing). */
    find: (documentId: string, imageId: string) =>
      db
        .selectFrom('document_images')
        .selectAll()
        .where('document_id', '=', documentId)
        .where('id', '=', imageId)
        .executeTakeFirst(),

    /** The pictures of this document among `imageIds` (the ones its text names). */
    async findMany(documentId: string, imageIds: readonly string[]): Promise<DocumentImagesTable[]> {
      if (imageIds.length === 0) return [];
      return db
        .selectFrom('document_images')
        .selectAll()
        .where('document_id', '=', documentId)
        .where('id', 'in', [...imageIds])
        .execute();
    },
  };
}
export type DocumentImageRepository = ReturnType<typeof documentImageRepository>;
