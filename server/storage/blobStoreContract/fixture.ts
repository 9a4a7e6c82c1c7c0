import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { expect } from 'vitest';
import { isAppError } from '../../errors';
import type { ErrorCode } from '../../../shared/errors';
import type { BlobStore } from '../BlobStore';
import { clipObjectKey, workspacePrefix } from '../keys';

/**
 * What every part of the BlobStore contract shares: the store under test (ready once the suite's
 * beforeAll has run), one workspace of its own, and where its download links are served from.
 */
export class BlobStoreFixture {
  private made: BlobStore | undefined;
  /** S3 links are absolute; disk links are app-relative and resolve against the suite's own server. */
  origin = 'http://invalid.localhost';
  readonly workspaceId = randomUUID();

  /**
   * The store under test. The parts are declared before the suite's beforeAll makes it, so this stands in
   * for it and passes every call on to the store once made.
   */
  readonly store: BlobStore = new Proxy({} as BlobStore, {
    get: (_target, property) => {
      if (!this.made) throw new Error('The BlobStore contract suite has not made its store.');
      const value: unknown = Reflect.get(this.made, property);
      return typeof value === 'function' ? value.bind(this.made) : value;
    },
  });

  /** Called by the suite's beforeAll once the store is ready. */
  use(store: BlobStore): void {
    this.made = store;
  }

  newKey = (name = 'original') => clipObjectKey(this.workspaceId, randomUUID(), name);
  /** A folder of its own per test, so assertions about "what is under here" see only that test. */
  newFolder = () => `${workspacePrefix(this.workspaceId)}t/${randomUUID()}/`;
  fetchUrl = (url: string, init?: RequestInit) => fetch(new URL(url, this.origin), init);
}

export const MiB = 1024 * 1024;

/** A stream of random bytes made as it is read, with a running hash to compare against. */
export function randomStream(total: number, chunkSize = 64 * 1024) {
  const hash = createHash('sha256');
  let produced = 0;
  const stream = new Readable({
    read() {
      if (produced >= total) return void this.push(null);
      const chunk = randomBytes(Math.min(chunkSize, total - produced));
      produced += chunk.length;
      hash.update(chunk);
      this.push(chunk);
    },
  });
  return { stream, produced: () => produced, digest: () => hash.digest('hex') };
}

export async function readAll(body: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export async function digestOf(body: NodeJS.ReadableStream): Promise<{ hex: string; length: number }> {
  const hash = createHash('sha256');
  let length = 0;
  for await (const chunk of body) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    hash.update(bytes);
    length += bytes.length;
  }
  return { hex: hash.digest('hex'), length };
}

export async function expectAppError(promise: Promise<unknown>, code: ErrorCode): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isAppError(error), `expected AppError(${code}), got ${String(error)}`).toBe(true);
  expect(isAppError(error) && error.code).toBe(code);
  return error as Error;
}

/** `n` bytes in a fixed pattern, so a slice can be checked against the same slice of the original. */
export const bytes = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7 + 3) % 256));
