import archiver from 'archiver';
import type { Response } from 'express';
import { once } from 'node:events';
import type { Services } from '../../services';
import { attachmentDisposition } from '../../storage/contentDisposition';
import type { MyDataFile } from './collectMyData';
import { myDataReadme } from './myDataReadme';

/**
 * Streams the person's files as a zip: the JSON first, then each stored audio file, one at a time, so at most
 * one storage read is open and nothing is held in memory whole. Once bytes have gone out a failure can only cut
 * the download short (the zip is then incomplete and says so to any zip reader).
 */
export async function sendMyDataZip(
  services: Services,
  res: Response,
  name: string,
  files: MyDataFile[],
): Promise<void> {
  const madeAt = new Date().toISOString();
  const zip = archiver('zip', { zlib: { level: 6 } });
  res.set({
    'Content-Type': 'application/zip',
    'Content-Disposition': attachmentDisposition(`chorus-my-data-${madeAt.slice(0, 10)}.zip`),
    'Cache-Control': 'private, no-store',
  });
  const finished = once(res, 'close');
  // The person went away mid-download: stop reading storage at once.
  const gone = new AbortController();
  res.once('close', () => gone.abort());
  zip.on('warning', (err) => services.logger.warn({ err }, 'my data zip warning'));
  zip.on('error', (err) => {
    services.logger.error({ err }, 'my data zip failed');
    res.destroy(err);
  });
  zip.pipe(res);
  const add = async (body: Parameters<typeof zip.append>[0], entryName: string) => {
    const added = once(zip, 'entry', { signal: gone.signal });
    zip.append(body, { name: entryName, date: new Date(madeAt) });
    await added;
  };
  try {
    await add(myDataReadme(name, madeAt), 'README.txt');
    for (const file of files) {
      if ('json' in file) await add(`${JSON.stringify(file.json, null, 2)}\n`, file.name);
      else await add((await services.blobs.get(file.blobKey)).body, file.name);
    }
    await zip.finalize();
  } catch (err) {
    if (!gone.signal.aborted) services.logger.error({ err }, 'my data download cut short');
    zip.abort();
    res.destroy(err instanceof Error ? err : undefined);
  }
  await finished;
}
