import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar-stream';
import { MANIFEST_NAME, manifestSchema, type Manifest } from './archiveManifest';

/** Why an archive cannot be restored, in words that say what to do; nothing has been changed when it is thrown. */
export class ArchiveRefused extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ArchiveRefused';
  }
}

/** The largest manifest read into memory (it lists every entry: about 200 bytes each). */
const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

/** Calls `onEntry` for each entry of the tar archive `input` streams, one at a time; each must be read to its end. */
export async function eachEntry(
  input: Readable,
  onEntry: (name: string, body: Readable) => Promise<void>,
): Promise<void> {
  const extract = tar.extract();
  const feeding = pipeline(input, extract);
  try {
    for await (const entry of extract) {
      const body = entry as unknown as Readable;
      await onEntry(entry.header.name, body);
      body.resume();
    }
    await feeding;
  } catch (e) {
    extract.destroy();
    await feeding.catch(() => undefined);
    if (e instanceof ArchiveRefused) throw e;
    throw new ArchiveRefused(
      `The archive could not be read to its end (${(e as Error).message}): it is cut off or is not a Chorus backup. ` +
        'Nothing was restored. Copy the archive again from where it was made.',
      { cause: e },
    );
  }
}

/**
 * Reads the whole archive once, checking each entry's size and SHA-256 against the manifest, before anything is
 * restored; throws ArchiveRefused naming the first entry that does not match. Returns the manifest.
 */
export async function verifyArchive(input: Readable): Promise<Manifest> {
  const seen = new Map<string, { size: number; sha256: string }>();
  let manifestBytes: Buffer | undefined;
  let afterManifest: string | undefined;
  await eachEntry(input, async (name, body) => {
    if (manifestBytes && !afterManifest) afterManifest = name;
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
      if (name === MANIFEST_NAME && size <= MAX_MANIFEST_BYTES) chunks.push(chunk);
    }
    if (name === MANIFEST_NAME) manifestBytes = Buffer.concat(chunks);
    else seen.set(name, { size, sha256: hash.digest('hex') });
  });
  if (!manifestBytes) {
    throw new ArchiveRefused(
      `The archive has no ${MANIFEST_NAME} at its end: it was cut off while being made or copied, or it is not a ` +
        'Chorus backup. Nothing was restored.',
    );
  }
  if (afterManifest)
    throw new ArchiveRefused(`The archive has "${afterManifest}" after its manifest. Nothing was restored.`);
  const manifest = parseManifest(manifestBytes);
  for (const entry of manifest.entries) {
    const found = seen.get(entry.name);
    if (!found)
      throw new ArchiveRefused(
        `The archive is missing "${entry.name}", which its manifest lists. Nothing was restored.`,
      );
    if (found.size !== entry.size || found.sha256 !== entry.sha256) {
      throw new ArchiveRefused(
        `The archive is damaged: "${entry.name}" does not match its checksum (the manifest says ${entry.size} bytes ` +
          `with SHA-256 ${entry.sha256}; the archive holds ${found.size} bytes with SHA-256 ${found.sha256}). ` +
          'Nothing was restored.',
      );
    }
    seen.delete(entry.name);
  }
  const extra = seen.keys().next();
  if (!extra.done) {
    throw new ArchiveRefused(
      `The archive holds "${extra.value}", which its manifest does not list. Nothing was restored.`,
    );
  }
  return manifest;
}

function parseManifest(bytes: Buffer): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ArchiveRefused(`The archive's ${MANIFEST_NAME} is not valid JSON. Nothing was restored.`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ArchiveRefused(
      `The archive's ${MANIFEST_NAME} is not one this Chorus can read (${issue?.path.join('.')}: ${issue?.message}). ` +
        'It may come from a newer Chorus, or not be a Chorus backup. Nothing was restored.',
    );
  }
  return parsed.data;
}
