import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { AppError, notFound } from '../errors';
import type { BlobInfo, BlobStore } from './BlobStore';
import { attachmentDisposition } from './contentDisposition';
import { parseRangeHeader } from './httpRange';

export interface SendBlobOptions {
  contentType: string;
  cacheControl: string;
  /** Offer the object as a download with this name. */
  filename?: string;
}

/**
 * Streams a stored object as an HTTP answer, honouring a single Range (what <audio>, wavesurfer and
 * podcast apps ask for): 206 with Content-Range and the part's length, 416 with `Content-Range: bytes *\/size`
 * for a range outside the object, 200 with all of it otherwise. Bytes flow from storage; nothing is buffered.
 */
export async function sendBlob(
  req: Request,
  res: Response,
  store: BlobStore,
  info: BlobInfo,
  options: SendBlobOptions,
): Promise<void> {
  const ifRange = req.get('if-range');
  // If-Range names the version the client already has part of; for any other version send it all.
  const rangeHeader = ifRange === undefined || ifRange === info.etag ? req.get('range') : undefined;
  const range = parseRangeHeader(rangeHeader, info.size);

  res.set({
    'Accept-Ranges': 'bytes',
    'Content-Type': options.contentType,
    // Uploaded files are served from our own origin: never let one be sniffed or run as a page.
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': options.cacheControl,
  });
  if (info.etag) res.set('ETag', info.etag);
  if (info.lastModified) res.set('Last-Modified', info.lastModified.toUTCString());
  if (options.filename !== undefined) res.set('Content-Disposition', attachmentDisposition(options.filename));

  if (range === 'unsatisfiable') {
    res.set('Content-Range', `bytes */${info.size}`);
    throw new AppError(
      'range_not_satisfiable',
      `The requested range is outside this file, which has ${info.size} bytes.`,
    );
  }
  if (req.method === 'HEAD' || info.size === 0) {
    sizeHeaders(res, info.size, range);
    res.end();
    return;
  }
  const read = await store.get(info.key, range ?? undefined);
  sizeHeaders(res, read.size, read.range ?? null);
  await pipeline(read.body, res).catch((e: unknown) => {
    // A listener who closes the player mid-file is not an error worth reporting.
    if (!(e instanceof Error && 'code' in e && e.code === 'ERR_STREAM_PREMATURE_CLOSE')) throw e;
  });
}

/** `sendBlob` for the object at `key`; an object that is gone answers 404, naming it as `missing`. */
export async function sendStoredBlob(
  req: Request,
  res: Response,
  store: BlobStore,
  key: string,
  options: SendBlobOptions & { missing: string },
): Promise<void> {
  const info = await store.head(key);
  if (!info) throw notFound(options.missing);
  await sendBlob(req, res, store, info, options);
}

function sizeHeaders(res: Response, size: number, range: { start: number; end: number } | null): void {
  if (!range) {
    res.status(200).set('Content-Length', String(size));
    return;
  }
  res.status(206).set({
    'Content-Length': String(range.end - range.start + 1),
    'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
  });
}
