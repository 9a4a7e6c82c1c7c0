import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import { defaultLoginRateLimit, type LoginRateLimitOptions } from './auth/loginRateLimit';
import { redisRateLimitStores } from './auth/redisRateLimitStore';
import { startSessionSweeper } from './auth/sessionSweeper';
import { loadSession } from './auth/sessions';
import { createCollabServer, type CollabServer } from './collab/collabServer';
import type { CollabOptions } from './collab/options';
import type { Config } from './config';
import { connectDatabase } from './db/connect';
import { csrfGuard } from './http/csrf';
import { apiNotFound, errorHandler } from './http/errorHandler';
import { largerJsonBodies } from './http/jsonBodyLimits';
import { metaRoutes } from './http/metaRoutes';
import { buildOpenApiDocument } from './http/openapi';
import { Api } from './http/route';
import { securityHeaders } from './http/securityHeaders';
import { staticClient } from './http/staticClient';
import type { JobQueueOptions } from './jobs/jobQueue';
import { createLogger, type Logger } from './logger';
import { createMetrics } from './metrics/metrics';
import { metricsRoute } from './metrics/metricsRoute';
import { checkMediaTools } from './media/ffmpeg';
import { useRedisAdapter } from './realtime/redisAdapter';
import { connectInstanceBridge } from './collab/instanceBridge';
import { createSocketServer, presenceSettled, type ChorusServer } from './realtime/socketServer';
import { modules } from './modules/index';
import type { NotificationSettings } from './modules/notifications/notificationContext';
import { createServices, type Services } from './services';
import { defineBlobDownloadRoute } from './storage/blobDownloadRoute';
import { createBlobStore, withAvailability } from './storage/index';
import { startUnfinishedUploadSweeper } from './storage/unfinishedUploadSweeper';
import { waitForStorage } from './storage/waitForStorage';

export const version = '0.1.0';
const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ChorusOptions {
  logger?: Logger;
  loginRateLimit?: LoginRateLimitOptions;
  clientDir?: string;
  /** Limits and timings of live co-writing (tests shorten the timers). */
  collab?: Partial<CollabOptions>;
  /** Background jobs: concurrency (default 1), lease and poll intervals. */
  jobs?: JobQueueOptions;
  /** Notices and their emails: the digest's clock, how often it looks, how long emails wait between tries. */
  notifications?: NotificationSettings;
}

export interface Chorus {
  services: Services;
  /** The Express application (tests compare its route table with the OpenAPI document). */
  app: Express;
  http: HttpServer;
  io: ChorusServer;
  collab: CollabServer;
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** Builds the whole server from a validated configuration: database, storage, HTTP API, sockets. */
export async function createChorus(config: Config, options: ChorusOptions = {}): Promise<Chorus> {
  const logger = options.logger ?? createLogger(config.logLevel);
  // Audio processing needs ffmpeg/ffprobe and their filters: better to refuse to start than fail on the first upload.
  await checkMediaTools();
  const db = await connectDatabase(config.database);
  const { blobs, availability } = withAvailability(
    createBlobStore(
      config.storage.kind === 'disk' ? { ...config.storage, signingSecret: config.sessionSecret } : config.storage,
      logger,
    ),
    logger,
  );
  const stopWaitingForStorage = await waitForStorage(blobs, availability, logger, {
    waitMs: config.storage.kind === 's3' ? config.storageWaitMs : 0,
    describe: storageDescription(config),
  });
  const services = createServices(config, logger, db, blobs, { jobs: options.jobs });
  const collab = createCollabServer(services, options.collab);

  const allowedOrigins = () => (config.publicUrl ? [new URL(config.publicUrl).origin] : []);
  const api = new Api();
  // With several instances, sign-in attempts are counted in one place (Redis), not once per instance.
  const rateLimitStores = config.redisUrl
    ? await redisRateLimitStores(config.redisUrl, config.sessionSecret, logger)
    : null;
  const loginRateLimit = {
    ...(options.loginRateLimit ?? defaultLoginRateLimit),
    ...(rateLimitStores ? { store: rateLimitStores.store } : {}),
  };
  // Every domain module is set up the same way, in the order of the list.
  const running = modules.map(
    (m) => m.setUp({ services, api, collab, settings: { loginRateLimit, notifications: options.notifications } }) ?? {},
  );
  defineBlobDownloadRoute(api, blobs, config.sessionSecret);
  // Mounted before the session middleware: a health check must not wait on the database.
  const meta = new Api();
  metaRoutes(meta, {
    health: async () => {
      const answers = (await availability.current()) === 'available';
      return { ok: answers, version, database: config.database.kind, storage: answers ? blobs.kind : 'unavailable' };
    },
    openApi: () => openApi,
  });
  // Prometheus metrics only when a token is set: nothing is counted otherwise.
  const metrics = config.metricsToken ? createMetrics() : null;
  metricsRoute(meta, config.metricsToken && metrics ? { token: config.metricsToken, metrics } : null);
  const openApi = buildOpenApiDocument([...meta.routes, ...api.routes], version, [
    ...meta.streamRoutes,
    ...api.streamRoutes,
  ]);

  const app = express();
  app.disable('x-powered-by');
  // Only proxies named in TRUST_PROXY may set the client's address (X-Forwarded-For); the sign-in rate limit keys on it.
  app.set('trust proxy', config.trustProxy);
  if (metrics) app.use(metrics.timeRequests);
  app.use(securityHeaders({ https: config.publicUrl?.startsWith('https:') ?? false }));
  app.use(meta.router);
  app.use(
    '/api',
    largerJsonBodies(modules.flatMap((m) => m.jsonBodyLimits ?? [])),
    express.json({ limit: '1mb', strict: true }),
    csrfGuard(allowedOrigins, { binaryBodyPaths: modules.flatMap((m) => m.binaryBodyPaths ?? []) }),
    loadSession(services),
  );
  app.use(api.router);
  app.use('/api', apiNotFound);
  app.use(staticClient(options.clientDir ?? path.join(rootDir, 'dist', 'client')));
  app.use(errorHandler(logger));

  const http = createServer(app);
  const io = createSocketServer(http, services, allowedOrigins);
  services.jobs.start();
  collab.attach(io);
  for (const m of running) m.attach?.(io);
  metrics?.watch(
    {
      socketsOpen: () => ({ '/': io.of('/').sockets.size, '/collab': io.of('/collab').sockets.size }),
      documentsOpen: () => collab.registry.openDocuments().length,
      jobs: services.jobs.repository,
    },
    services.bus,
  );
  const stopSweeper = startSessionSweeper(services);
  const stopUploadSweeper = startUnfinishedUploadSweeper(blobs, logger);
  const closeRedis = config.redisUrl ? await useRedisAdapter(io, config.redisUrl, logger) : async () => {};
  // Other instances may have the same documents open: they hear of each change and read it from the log.
  const closeCollabBridge = config.redisUrl
    ? await connectInstanceBridge(config.redisUrl, config.sessionSecret, collab.registry, logger)
    : async () => {};

  return {
    services,
    app,
    http,
    io,
    collab,
    listen: () =>
      new Promise((resolve, reject) => {
        http.once('error', reject);
        http.listen(config.port, config.host, () => {
          const { port } = http.address() as AddressInfo;
          resolve(`http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`);
        });
      }),
    async close() {
      // Sockets first so no new work arrives, then HTTP, then the database everything was written to.
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await presenceSettled(io);
      // Running jobs are interrupted and go back to the queue, to be picked up at the next start.
      await services.jobs.stop();
      // Every queued document change written and a final snapshot of each open document, before the database closes.
      await collab.close();
      await closeCollabBridge();
      // Then the modules (episodes checks and stores the last timeline changes, read as their documents closed).
      for (const m of running) await m.close?.();
      await closeRedis();
      await rateLimitStores?.close();
      stopSweeper();
      stopUploadSweeper();
      stopWaitingForStorage();
      http.closeAllConnections();
      await new Promise<void>((resolve) => (http.listening ? http.close(() => resolve()) : resolve()));
      await db.destroy();
    },
  };
}

/** Where files are kept, for log lines (no secrets). */
function storageDescription(config: Config): string {
  const s = config.storage;
  return s.kind === 'disk' ? s.root : `S3 at ${s.endpoint ?? 'AWS'}, bucket "${s.bucket}"`;
}
