import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import type { Readable } from 'node:stream';
import { acceptedAudioFormats } from '../../shared/contracts/clips';
import { AppError } from '../errors';
import { audioContentTypes, sniffAudioFormat, SNIFF_BYTES, type AudioFormat } from '../media/sniff';
import type { BlobStore } from '../storage/BlobStore';

export interface StoredUpload {
  key: string;
  size: number;
  format: AudioFormat;
  contentType: string;
  filename: string;
}

export interface BlobStorageEngine extends StorageEngine {
  /** Set once the file is safely stored. */
  stored: StoredUpload | undefined;
}

export const unsupportedAudio = () =>
  new AppError(
    'unsupported_media_type',
    `This file is not a sound recording we can use. Upload one of these formats: ${acceptedAudioFormats.join(', ')}.`,
  );

/**
 * A multer storage engine that streams the upload straight into blob storage: the file is never held in
 * memory whole, and the size limit is enforced by `BlobStore.put` while the bytes arrive (a partial
 * object is removed). Its first bytes are checked before anything is stored, and `beforeStore` sees the
 * form fields that arrived ahead of the file, so a bad title or a non-audio file costs no storage.
 */
export function blobStorageEngine(options: {
  blobs: BlobStore;
  key: string;
  maxBytes: number;
  beforeStore?: (req: Request) => void;
}): BlobStorageEngine {
  const engine: BlobStorageEngine = {
    stored: undefined,
    _handleFile(req, file, callback) {
      store(req, file.stream, file.originalname).then(
        (stored) => {
          engine.stored = stored;
          callback(null, { path: stored.key, size: stored.size, mimetype: stored.contentType });
        },
        (e: unknown) => {
          file.stream.resume(); // let the rest of the request drain so the answer can be read
          callback(e);
        },
      );
    },
    _removeFile(_req, _file, callback) {
      engine.stored = undefined;
      options.blobs.delete(options.key).then(() => callback(null), callback);
    },
  };

  async function store(req: Request, stream: Readable, originalname: string): Promise<StoredUpload> {
    options.beforeStore?.(req);
    const head = await peekHead(stream, SNIFF_BYTES);
    const format = head.length >= SNIFF_BYTES ? sniffAudioFormat(head) : null;
    if (!format) throw unsupportedAudio();
    const contentType = audioContentTypes[format];
    const info = await options.blobs.put(options.key, stream, { contentType, maxBytes: options.maxBytes });
    return { key: options.key, size: info.size, format, contentType, filename: originalname.slice(0, 255) };
  }

  return engine;
}

/**
 * The first `bytes` bytes (fewer if the stream ends first), left in the stream. They are put back with
 * `unshift` in the same tick they were read: had the stream already received its end, a tick later it
 * would emit 'end' with an empty buffer and the bytes could no longer be put back.
 */
function peekHead(stream: Readable, bytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const finish = (error?: unknown) => {
      stream.off('readable', onReadable);
      stream.off('end', onEnd);
      stream.off('error', finish);
      if (error) return reject(error);
      const head = Buffer.concat(chunks);
      if (length >= bytes) stream.unshift(head);
      resolve(head);
    };
    const onEnd = () => finish();
    function onReadable() {
      let chunk: Buffer | null;
      while (length < bytes && (chunk = stream.read() as Buffer | null) !== null) {
        chunks.push(chunk);
        length += chunk.length;
      }
      if (length >= bytes) finish();
    }
    stream.on('readable', onReadable);
    stream.once('end', onEnd);
    stream.once('error', finish);
  });
}
