import { Readable, Transform, type TransformCallback } from 'node:stream';
import { AppError } from '../errors';

/** A reader-friendly size for a limit: "500 MB", "64 KB", "10 bytes". */
export function formatLimit(bytes: number): string {
  const round = (n: number) => String(Math.round(n * 10) / 10);
  if (bytes >= 1024 * 1024) return `${round(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

export const tooLarge = (maxBytes: number) =>
  new AppError(
    'payload_too_large',
    `This file is larger than the ${formatLimit(maxBytes)} limit. Upload a shorter or more compressed file, or split it into parts.`,
  );

/**
 * Counts bytes as they pass, and fails the stream the moment the count
 * passes the limit, so an oversized upload is stopped after at most one extra chunk instead of
 * being stored first and measured afterwards.
 */
export class ByteLimit extends Transform {
  bytes = 0;
  exceeded = false;
  constructor(private readonly maxBytes: number | undefined) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.maxBytes !== undefined && this.bytes > this.maxBytes) {
      this.exceeded = true;
      callback(tooLarge(this.maxBytes));
      return;
    }
    callback(null, chunk);
  }
}

export const isBytes = (body: unknown): body is Uint8Array => body instanceof Uint8Array;

/** Buffers are checked against the limit up front: no need to start any I/O for a body we will refuse. */
export function checkBufferSize(body: Uint8Array, maxBytes: number | undefined): void {
  if (maxBytes !== undefined && body.byteLength > maxBytes) throw tooLarge(maxBytes);
}

export const asReadable = (body: Readable | Uint8Array): Readable =>
  isBytes(body)
    ? Readable.from([Buffer.from(body.buffer, body.byteOffset, body.byteLength)], { objectMode: false })
    : body;
