import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, readdir, readFile, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors';
import { signBlob } from './blobSignature';
import {
  DEFAULT_CONTENT_TYPE,
  type BlobInfo,
  type BlobRead,
  type BlobStore,
  type ByteRange,
  type DownloadUrlOptions,
  type PutOptions,
} from './BlobStore';
import { asReadable, ByteLimit, checkBufferSize, isBytes } from './byteLimit';
import { assertValidKey, assertValidPrefix } from './keys';
import { StorageUnavailableError } from './storageUnavailable';
import { checkDownloadOptions, checkPutOptions, checkRange, resolveRange } from './validation';

export { verifyBlobSignature } from './blobSignature';

export interface DiskBlobStoreConfig {
  root: string;
  /** Signs download links; at least 32 characters. */
  signingSecret: string;
  /** Where download links point: `defineBlobDownloadRoute` answers at `/api/blobs`, the default. */
  urlBase?: string;
}

/**
 * Object `a/b` is stored as `objects/a/b@blob` with its content type in `objects/a/b@meta.json`.
 * Keys cannot contain "@", so a file never collides with the folder of a longer key (`a/b` and
 * `a/b/c` can both exist, as in S3), and a key ending in ".json" never collides with a sidecar.
 */
const BLOB = '@blob';
const META = '@meta.json';
const STALE_TEMP_MS = 24 * 60 * 60 * 1000;

interface Meta {
  contentType: string;
  etag?: string;
}

const errnoCode = (e: unknown): string | undefined =>
  e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
const isMissing = (e: unknown) => errnoCode(e) === 'ENOENT' || errnoCode(e) === 'ENOTDIR';

const missing = (key: string) =>
  new AppError('not_found', `We could not find the stored file "${key}". It may have been deleted.`);

export class DiskBlobStore implements BlobStore {
  readonly kind = 'disk' as const;
  private readonly objectsDir: string;
  private readonly tmpDir: string;
  private readonly secret: string;
  private readonly urlBase: string;

  constructor(config: DiskBlobStoreConfig) {
    if (typeof config.signingSecret !== 'string' || config.signingSecret.length < 32) {
      throw new Error('The disk blob store needs a signing secret of at least 32 characters to sign download links.');
    }
    const root = path.resolve(config.root);
    this.objectsDir = path.join(root, 'objects');
    this.tmpDir = path.join(root, '.tmp');
    this.secret = config.signingSecret;
    this.urlBase = (config.urlBase ?? '/api/blobs').replace(/\/+$/, '');
  }

  async ensureReady(): Promise<void> {
    await mkdir(this.objectsDir, { recursive: true });
    await mkdir(this.tmpDir, { recursive: true });
    await this.abortUnfinishedUploads(new Date(Date.now() - STALE_TEMP_MS));
  }

  async probe(): Promise<void> {
    await access(this.objectsDir, constants.W_OK).catch((e: unknown) => {
      throw new StorageUnavailableError(`The folder for stored files (${this.objectsDir}) cannot be written.`, e);
    });
  }

  /** Temp files of uploads cut off by a crash are never renamed into place; this removes the old ones. */
  async abortUnfinishedUploads(olderThan: Date): Promise<number> {
    let removed = 0;
    for (const name of await readdir(this.tmpDir).catch(() => [])) {
      const file = path.join(this.tmpDir, name);
      const info = await stat(file).catch(() => null);
      if (info && info.mtimeMs < olderThan.getTime()) {
        await rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }

  async put(key: string, body: Readable | Buffer | Uint8Array, options?: PutOptions): Promise<BlobInfo> {
    assertValidKey(key);
    checkPutOptions(options);
    if (isBytes(body)) checkBufferSize(body, options?.maxBytes);
    const target = this.pathFor(key);
    const contentType = options?.contentType ?? DEFAULT_CONTENT_TYPE;

    await mkdir(this.tmpDir, { recursive: true });
    const tmp = path.join(this.tmpDir, randomUUID());
    const tmpMeta = `${tmp}.meta`;
    const counter = new ByteLimit(options?.maxBytes);
    // Opened before the bytes flow, so a source that fails at once cannot race the cleanup below
    // into leaving a file that the write stream created after `rm` had already run.
    const file = await open(tmp, 'wx');
    try {
      await pipeline(asReadable(body), counter, file.createWriteStream());
      // A strong ETag only has to change whenever the bytes may have: a fresh id per write does that
      // without hashing every byte of a 1 GiB upload on the request's thread.
      const meta: Meta = { contentType, etag: `"${randomUUID().replace(/-/g, '')}"` };
      await writeFile(tmpMeta, JSON.stringify(meta));
      await this.moveIntoPlace(tmp, tmpMeta, target);
    } catch (e) {
      await file.close().catch(() => undefined);
      await Promise.all([rm(tmp, { force: true }), rm(tmpMeta, { force: true })]);
      throw counter.exceeded ? e : storageFailure(e);
    }
    const info = await this.head(key);
    if (!info) throw missing(key);
    return info;
  }

  async get(key: string, range?: ByteRange): Promise<BlobRead> {
    assertValidKey(key);
    checkRange(range);
    const target = this.pathFor(key);
    // One open file handle for size and bytes: a concurrent overwrite swaps the path, not our handle.
    const handle = await open(target + BLOB, 'r').catch((e: unknown) => {
      throw isMissing(e) ? missing(key) : e;
    });
    try {
      const { size } = await handle.stat();
      const { contentType } = await this.readMeta(target);
      if (!range) {
        return { body: handle.createReadStream(), size, contentLength: size, contentType };
      }
      const { start, end } = resolveRange(range, size, key);
      const body = handle.createReadStream({ start, end });
      return { body, size, contentLength: end - start + 1, contentType, range: { start, end } };
    } catch (e) {
      await handle.close();
      throw e;
    }
  }

  async head(key: string): Promise<BlobInfo | null> {
    assertValidKey(key);
    return this.info(key);
  }

  async delete(key: string): Promise<void> {
    assertValidKey(key);
    await this.remove(key);
  }

  async deleteByPrefix(prefix: string): Promise<number> {
    assertValidPrefix(prefix);
    const keys = await this.keysUnder(prefix);
    let deleted = 0;
    for (const key of keys) if (await this.remove(key)) deleted += 1;
    return deleted;
  }

  async list(prefix: string): Promise<BlobInfo[]> {
    assertValidPrefix(prefix);
    const infos: BlobInfo[] = [];
    for (const key of await this.keysUnder(prefix)) {
      const info = await this.info(key);
      if (info) infos.push(info);
    }
    return infos;
  }

  async downloadUrl(key: string, options: DownloadUrlOptions): Promise<string> {
    assertValidKey(key);
    checkDownloadOptions(options);
    const expires = Math.floor(Date.now() / 1000) + options.expiresInSeconds;
    const params = { filename: options.filename, contentType: options.contentType };
    const query = new URLSearchParams({
      expires: String(expires),
      signature: signBlob(this.secret, key, expires, params),
    });
    if (options.filename !== undefined) query.set('filename', options.filename);
    if (options.contentType !== undefined) query.set('contentType', options.contentType);
    return `${this.urlBase}/${key}?${query.toString()}`;
  }

  /** The object's path without suffix, proven to lie inside the objects folder. */
  private pathFor(key: string): string {
    const resolved = path.resolve(this.objectsDir, ...key.split('/'));
    if (!resolved.startsWith(this.objectsDir + path.sep)) {
      throw new AppError('validation_failed', `The storage key "${key}" points outside the storage folder.`);
    }
    return resolved;
  }

  private async moveIntoPlace(tmp: string, tmpMeta: string, target: string): Promise<void> {
    // A delete elsewhere may prune the (empty) parent folder between mkdir and rename; try again.
    // Meta first: until the data lands, readers of a new key see "missing", not bytes without metadata.
    const moves: Array<[string, string]> = [
      [tmpMeta, target + META],
      [tmp, target + BLOB],
    ];
    for (const [from, to] of moves) {
      for (let attempt = 1; ; attempt += 1) {
        try {
          await mkdir(path.dirname(to), { recursive: true });
          await rename(from, to);
          break;
        } catch (e) {
          if (attempt >= 3 || errnoCode(e) !== 'ENOENT') throw e;
        }
      }
    }
  }

  private async readMeta(target: string): Promise<Meta> {
    try {
      const parsed: unknown = JSON.parse(await readFile(target + META, 'utf8'));
      if (parsed && typeof parsed === 'object' && 'contentType' in parsed && typeof parsed.contentType === 'string') {
        const etag = 'etag' in parsed && typeof parsed.etag === 'string' ? parsed.etag : undefined;
        return { contentType: parsed.contentType, ...(etag ? { etag } : {}) };
      }
    } catch (e) {
      if (!isMissing(e) && !(e instanceof SyntaxError)) throw e;
    }
    return { contentType: DEFAULT_CONTENT_TYPE };
  }

  private async info(key: string): Promise<BlobInfo | null> {
    const target = this.pathFor(key);
    try {
      const info = await stat(target + BLOB);
      if (!info.isFile()) return null;
      const meta = await this.readMeta(target);
      return { key, size: info.size, contentType: meta.contentType, etag: meta.etag, lastModified: info.mtime };
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  /** Returns whether there was an object to remove. */
  private async remove(key: string): Promise<boolean> {
    const target = this.pathFor(key);
    let existed = true;
    await rm(target + BLOB).catch((e: unknown) => {
      if (!isMissing(e)) throw e;
      existed = false;
    });
    await rm(target + META, { force: true });
    await this.pruneEmptyFolders(path.dirname(target));
    return existed;
  }

  /** Deleted workspaces should not leave thousands of empty folders behind. */
  private async pruneEmptyFolders(dir: string): Promise<void> {
    let current = dir;
    while (current.startsWith(this.objectsDir + path.sep)) {
      try {
        await rmdir(current);
      } catch {
        return; // not empty (or already gone): nothing above it can be empty either
      }
      current = path.dirname(current);
    }
  }

  /** Keys starting with `prefix` (a string prefix, as in S3), sorted. */
  private async keysUnder(prefix: string): Promise<string[]> {
    const slash = prefix.lastIndexOf('/');
    const folderKey = slash === -1 ? '' : prefix.slice(0, slash);
    const folder = folderKey === '' ? this.objectsDir : this.pathFor(folderKey);
    const keys: string[] = [];
    await this.walk(folder, (file) => {
      const key = path.relative(this.objectsDir, file).split(path.sep).join('/').slice(0, -BLOB.length);
      if (key.startsWith(prefix)) keys.push(key);
    });
    return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  private async walk(dir: string, onBlob: (file: string) => void): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      if (isMissing(e)) return;
      throw e;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await this.walk(full, onBlob);
      else if (entry.isFile() && entry.name.endsWith(BLOB)) onBlob(full);
    }
  }
}

function storageFailure(e: unknown): unknown {
  if (errnoCode(e) === 'ENOSPC') {
    return new AppError(
      'unavailable',
      'The server has run out of space for files. Ask the person who runs Chorus to free some space.',
      { cause: e },
    );
  }
  return e;
}
