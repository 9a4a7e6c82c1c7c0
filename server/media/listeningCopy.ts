/**
 * The listening copy: AAC-LC in an MP4 (M4A) file with the index at the front (`+faststart`), which every
 * browser plays, Safari on iPhone included, and which can start playing before it has fully downloaded.
 * ffmpeg's `fast` AAC coder is used: about 2.5× quicker than its default on a 2-core machine, and
 * transparent enough for speech at 96 kbit/s.
 *
 * Kept apart from the ffmpeg code in `analyse.ts` so the key layout (`storage/keys.ts`) can name the file
 * without loading ffmpeg.
 */
export const listeningCopy = { contentType: 'audio/mp4', extension: 'm4a', bitrate: '96k' } as const;

/** The ffmpeg output options that encode a listening copy, for every path that makes one (processing, silencing). */
export const listeningCopyOutputOptions: readonly string[] = [
  '-c:a',
  'aac',
  '-aac_coder',
  'fast',
  '-b:a',
  listeningCopy.bitrate,
  '-map_metadata',
  '-1',
  '-movflags',
  '+faststart',
  '-f',
  'mp4',
];
