import { z } from 'zod';
import { idSchema, text } from './common';

/**
 * A workspace's music: intros, outros and beds for episode timelines (see `musicItemSchema` in episodes.ts).
 * Uploaded as `multipart/form-data` with `title` first, then the file in `audio` (the same formats as clips);
 * `music.process` then measures its length and loudness, which the render levels it from.
 */
export const uploadMusicFieldsSchema = z.strictObject({
  title: text('Title', 200),
});
export type UploadMusicFields = z.infer<typeof uploadMusicFieldsSchema>;

export const musicStatuses = ['queued', 'processing', 'ready', 'failed'] as const;

export const musicAssetSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  title: z.string(),
  /** Only `ready` music can go on a timeline. */
  status: z.enum(musicStatuses),
  failureReason: z.string().nullable(),
  durationSeconds: z.number().nullable(),
  /** EBU R128 integrated loudness of the whole asset (null until processed, or when silent). */
  loudnessLufs: z.number().nullable(),
  truePeakDbfs: z.number().nullable(),
  original: z.object({ filename: z.string(), format: z.string(), contentType: z.string(), sizeBytes: z.number() }),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  audioUrl: z.string(),
  abilities: z.object({ delete: z.boolean() }),
});
export type MusicAsset = z.infer<typeof musicAssetSchema>;
export const musicListSchema = z.object({ music: z.array(musicAssetSchema) });
export const musicParamsSchema = z.object({ id: idSchema });
