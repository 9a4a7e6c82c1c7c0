import { AppError } from '../errors';
import { listeningCopy } from '../media/listeningCopy';

/**
 * The one key layout for every stored object. Each object belongs to one workspace, so removing a
 * workspace is a single `deleteByPrefix(workspacePrefix(id))`, and a key on its own tells you whose
 * data it is:
 *
 *   workspaces/{workspaceId}/
 *     clips/{clipId}/original                   the upload exactly as received
 *     clips/{clipId}/listening.m4a              the listening copy made from it
 *     clips/{clipId}/peaks.json                 its waveform peaks
 *     clips/{clipId}/silenced-{version}.m4a     the listening copy with struck-out words silenced
 *     clips/{clipId}/chunks/{seq}-{attempt}     pieces of a browser recording until it is sent; seq is
 *                                               zero-padded to 12 digits, attempt is 8 hex digits, so
 *                                               two requests racing to store one piece never share a key
 *     episodes/{episodeId}/renders/{renderId}.mp3   each render of an episode, kept as a version
 *     episodes/{episodeId}/artwork-{version}    the episode's uploaded artwork (PNG or JPEG)
 *     episodes/{episodeId}/transcript-{version}.{vtt|srt}   the episode's uploaded transcript
 *     show/artwork-{version}                    the show's uploaded artwork (PNG or JPEG)
 *                                               ({version}: hex digits of the file's SHA-256, so a new
 *                                               file never overwrites the one the database points at)
 *     music/{assetId}/original                  a music asset (intro, outro, bed) exactly as uploaded
 *     documents/{documentId}/snapshots/{n}      stored Yjs snapshots of a document; a numeric n is
 *                                               zero-padded to 12 digits so key order is number order
 *     documents/{documentId}/versions/{versionId}   a named version or checkpoint (whole Yjs state)
 *     documents/{documentId}/exports/{exportId}.{ext}   one export of the document (HTML, Markdown, DOCX…)
 *     documents/{documentId}/images/{imageId}   a picture uploaded into the document (PNG, JPEG or WebP)
 *
 * Ids are UUIDs (lower-cased here so one id never becomes two keys). Other names are single segments.
 * Every key and prefix is checked by `assertValidKey` / `assertValidPrefix` before it reaches a file
 * path or an S3 call, so a key can never climb out of its folder or mean two different objects.
 */

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const MAX_KEY_LENGTH = 1024;

const invalid = (what: string, value: string, why: string) =>
  new AppError('validation_failed', `The storage ${what} "${value.slice(0, 80)}" is not allowed: ${why}.`);

function checkSegments(what: string, value: string, segments: string[]): void {
  if (typeof value !== 'string' || value.length === 0) throw invalid(what, String(value), 'it is empty');
  if (value.length > MAX_KEY_LENGTH) throw invalid(what, value, `it is longer than ${MAX_KEY_LENGTH} characters`);
  if (value.startsWith('/')) throw invalid(what, value, 'it starts with "/"');
  // Segments cannot start with ".", so ".." as a segment is already impossible; this also refuses
  // it inside a name, so no later join or decode step can ever turn it into a parent directory.
  if (value.includes('..')) throw invalid(what, value, 'it contains ".."');
  for (const segment of segments) {
    if (segment === '') throw invalid(what, value, 'it has an empty segment ("//")');
    if (!SEGMENT.test(segment)) {
      throw invalid(
        what,
        value,
        'each part must start with a letter or digit and use only letters, digits, ".", "_" and "-"',
      );
    }
  }
}

export function assertValidKey(key: string): void {
  checkSegments('key', key, typeof key === 'string' ? key.split('/') : []);
}

/** A prefix is a key that may end in "/" (all keys in that folder) or mid-segment (string prefix, like S3). */
export function assertValidPrefix(prefix: string): void {
  const trimmed = typeof prefix === 'string' && prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  checkSegments('prefix', prefix, typeof trimmed === 'string' ? trimmed.split('/') : []);
}

function id(kind: string, value: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) {
    throw new AppError('validation_failed', `The ${kind} id "${String(value).slice(0, 80)}" is not a valid id.`);
  }
  return value.toLowerCase();
}

function segment(kind: string, value: string): string {
  if (typeof value !== 'string' || !SEGMENT.test(value) || value.includes('..')) {
    throw new AppError(
      'validation_failed',
      `The ${kind} name "${String(value).slice(0, 80)}" is not a valid storage name.`,
    );
  }
  return value;
}

export const workspacePrefix = (workspaceId: string): string => `workspaces/${id('workspace', workspaceId)}/`;

export const clipPrefix = (workspaceId: string, clipId: string): string =>
  `${workspacePrefix(workspaceId)}clips/${id('clip', clipId)}/`;

export const clipObjectKey = (workspaceId: string, clipId: string, name: string): string =>
  `${clipPrefix(workspaceId, clipId)}${segment('clip object', name)}`;

/**
 * The listening copy with the clip's struck-out words silenced, for everyone but its contributor; `version` is a
 * fingerprint of the stretches it silences, so a new set of stretches never overwrites the copy being served.
 */
export const clipSilencedKey = (workspaceId: string, clipId: string, version: string): string =>
  clipObjectKey(workspaceId, clipId, `silenced-${segment('version', version)}.${listeningCopy.extension}`);
export const clipSilencedPrefix = (workspaceId: string, clipId: string): string =>
  `${clipPrefix(workspaceId, clipId)}silenced-`;

/** The objects a clip has: the upload as received, the listening copy made from it and its waveform peaks. */
export const clipKeys = (workspaceId: string, clipId: string) => ({
  original: clipObjectKey(workspaceId, clipId, 'original'),
  listening: clipObjectKey(workspaceId, clipId, `listening.${listeningCopy.extension}`),
  peaks: clipObjectKey(workspaceId, clipId, 'peaks.json'),
});

/** Every stored piece of a browser recording (deleted once the pieces are joined into `original`). */
export const recordingChunksPrefix = (workspaceId: string, clipId: string): string =>
  `${clipPrefix(workspaceId, clipId)}chunks/`;

/** Piece `seq` of a recording, as stored by one request (`attempt`: 8 hex digits it chose). */
export function recordingChunkKey(workspaceId: string, clipId: string, seq: number, attempt: string): string {
  if (!(Number.isSafeInteger(seq) && seq >= 0)) {
    throw new AppError('validation_failed', `The piece number ${seq} must be a whole number of 0 or more.`);
  }
  if (!/^[0-9a-f]{8}$/.test(attempt))
    throw new AppError('validation_failed', `The attempt "${attempt.slice(0, 20)}" must be 8 hex digits.`);
  return `${recordingChunksPrefix(workspaceId, clipId)}${String(seq).padStart(12, '0')}-${attempt}`;
}

export const documentPrefix = (workspaceId: string, documentId: string): string =>
  `${workspacePrefix(workspaceId)}documents/${id('document', documentId)}/`;

export function documentSnapshotKey(workspaceId: string, documentId: string, name: string | number): string {
  if (typeof name === 'number' && !(Number.isSafeInteger(name) && name >= 0)) {
    throw new AppError('validation_failed', `The snapshot number ${name} must be a whole number of 0 or more.`);
  }
  const text = typeof name === 'number' ? String(name).padStart(12, '0') : name;
  return `${documentPrefix(workspaceId, documentId)}snapshots/${segment('snapshot', text)}`;
}

/** One named version or automatic checkpoint of a document: its whole Yjs state at that moment. */
export const documentVersionKey = (workspaceId: string, documentId: string, versionId: string): string =>
  `${documentPrefix(workspaceId, documentId)}versions/${id('version', versionId)}`;

/** One export of a document into a file (`extension`: html, md, docx…). */
export const documentExportKey = (
  workspaceId: string,
  documentId: string,
  exportId: string,
  extension: string,
): string =>
  `${documentPrefix(workspaceId, documentId)}exports/${id('export', exportId)}.${segment('extension', extension)}`;

/** A picture uploaded into a document, exactly as received (its type is in its `document_images` row). */
export const documentImageKey = (workspaceId: string, documentId: string, imageId: string): string =>
  `${documentPrefix(workspaceId, documentId)}images/${id('image', imageId)}`;

export const episodePrefix = (workspaceId: string, episodeId: string): string =>
  `${workspacePrefix(workspaceId)}episodes/${id('episode', episodeId)}/`;

/** One render of an episode (an MP3), kept as a version. */
export const episodeRenderKey = (workspaceId: string, episodeId: string, renderId: string): string =>
  `${episodePrefix(workspaceId, episodeId)}renders/${id('render', renderId)}.mp3`;

export const musicPrefix = (workspaceId: string, assetId: string): string =>
  `${workspacePrefix(workspaceId)}music/${id('music asset', assetId)}/`;

/** A music asset's upload, exactly as received (the render reads it; nothing else is derived from it). */
export const musicOriginalKey = (workspaceId: string, assetId: string): string =>
  `${musicPrefix(workspaceId, assetId)}original`;

function version(value: string): string {
  if (typeof value !== 'string' || !/^[0-9a-f]{8,64}$/.test(value))
    throw new AppError('validation_failed', `The file version "${String(value).slice(0, 20)}" must be hex digits.`);
  return value;
}

/** The show's uploaded artwork, one key per picture (`version` from its hash). */
export const showArtworkKey = (workspaceId: string, v: string): string =>
  `${workspacePrefix(workspaceId)}show/artwork-${version(v)}`;

/** An episode's uploaded artwork, one key per picture (`version` from its hash). */
export const episodeArtworkKey = (workspaceId: string, episodeId: string, v: string): string =>
  `${episodePrefix(workspaceId, episodeId)}artwork-${version(v)}`;

export function episodeTranscriptKey(workspaceId: string, episodeId: string, v: string, format: 'vtt' | 'srt'): string {
  if (format !== 'vtt' && format !== 'srt')
    throw new AppError(
      'validation_failed',
      `The transcript format "${String(format).slice(0, 20)}" must be vtt or srt.`,
    );
  return `${episodePrefix(workspaceId, episodeId)}transcript-${version(v)}.${format}`;
}
