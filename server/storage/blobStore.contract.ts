import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe } from 'vitest';
import { Api } from '../http/route';
import { defineBlobDownloadRoute } from './blobDownloadRoute';
import type { BlobStore } from './BlobStore';
import { deleteContract } from './blobStoreContract/delete.contract';
import { downloadLinksContract } from './blobStoreContract/downloadLinks.contract';
import { BlobStoreFixture } from './blobStoreContract/fixture';
import { listContract } from './blobStoreContract/list.contract';
import { putAndGetContract } from './blobStoreContract/putAndGet.contract';
import { rangesContract } from './blobStoreContract/ranges.contract';
import { sizeLimitContract } from './blobStoreContract/sizeLimit.contract';
import { validationContract } from './blobStoreContract/validation.contract';
import { workspacePrefix } from './keys';

/**
 * One behaviour for every BlobStore: each implementation's integration test runs this suite, so
 * code above the storage layer can rely on it without knowing which store it got. The parts, one
 * concern each, live in blobStoreContract/; this makes the store, serves its links, and runs them all.
 */

export interface ContractOptions {
  /** Disk links point into the app, so the suite serves them with the download router and this secret. */
  signingSecret?: string;
}

export function runBlobStoreContract(
  name: string,
  makeStore: () => Promise<BlobStore>,
  options: ContractOptions = {},
): void {
  describe(`BlobStore contract: ${name}`, () => {
    const fixture = new BlobStoreFixture();
    let store: BlobStore | undefined;
    let server: Server | undefined;

    beforeAll(async () => {
      store = await makeStore();
      await store.ensureReady();
      await store.ensureReady(); // a second boot must be fine too
      fixture.use(store);
      if (store.kind === 'disk') {
        if (!options.signingSecret)
          throw new Error('The disk contract needs options.signingSecret to serve its links.');
        const app = express();
        const api = new Api();
        defineBlobDownloadRoute(api, store, options.signingSecret);
        app.use(api.router);
        server = app.listen(0, '127.0.0.1');
        await once(server, 'listening');
        fixture.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      }
    });

    afterAll(async () => {
      await store?.deleteByPrefix(workspacePrefix(fixture.workspaceId));
      if (server) {
        server.closeAllConnections();
        await new Promise((resolve) => server?.close(resolve));
      }
    });

    putAndGetContract(fixture);
    rangesContract(fixture);
    deleteContract(fixture);
    listContract(fixture);
    sizeLimitContract(fixture);
    validationContract(fixture);
    downloadLinksContract(fixture);
  });
}
