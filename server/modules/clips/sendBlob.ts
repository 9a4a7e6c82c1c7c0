import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../errors';
import type { BlobInfo, BlobStore } from '../../storage/BlobStore';
import { parseRangeHeader } from '../../storage/httpRange';

/**
 * Streams a stored object, honouring a single HTTP Range (what <audio> and wavesurfer ask for):
 * 206 with Content-Range and the length of the part, 416 with `Content-Range: bytes *\/size` for a range
 * outside the object, 200 with the whole object otherwise. Nothing is buffered: bytes flow from storage.
 */
export async function sendBlob(req: Request, res: Response, blobs: BlobStore, info: BlobInfo, contentType: string): Promise<void> {
  const ifRange = req.get('if-range');
  // If-Range names the version the client already has part of; for any other version send it all.
  const rangeHeader = ifRange === undefined || ifRange === info.etag ? req.get('range') : undefined;
  const range = parseRangeHeader(rangeHeader, info.size);

  res.set({
    'Accept-Ranges': 'bytes',
    'Content-Type': contentType,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    // Withdrawal must take effect at once, so no copy is kept anywhere along the way.
    'Cache-Control': 'private, no-store',
  });
  if (info.etag) res.set('ETag', info.etag);
  if (info.lastModified) res.set('Last-Modified', info.lastModified.toUTCString());

  if (range === 'unsatisfiable') {
    res.set('Content-Range', `bytes */${info.size}`);
    throw new AppError('range_not_satisfiable', `The requested range is outside this recording, which has ${info.size} bytes.`);
  }
  const length = range ? range.end - range.start + 1 : info.size;
  res.status(range ? 206 : 200).set('Content-Length', String(length));
  if (range) res.set('Content-Range', `bytes ${range.start}-${range.end}/${info.size}`);
  if (req.method === 'HEAD' || length === 0) {
    res.end();
    return;
  }
  const read = await blobs.get(info.key, range ?? undefined);
  await pipeline(read.body, res).catch((e: unknown) => {
    // A listener who closes the player mid-file is not an error worth reporting.
    if (!(e instanceof Error && 'code' in e && e.code === 'ERR_STREAM_PREMATURE_CLOSE')) throw e;
  });
}
