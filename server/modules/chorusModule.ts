import type { LoginRateLimitOptions } from '../auth/loginRateLimit';
import type { CollabServer } from '../collab/collabServer';
import type { JsonBodyLimit } from '../http/jsonBodyLimits';
import type { Api } from '../http/route';
import type { ChorusServer } from '../realtime/socketServer';
import type { Services } from '../services';
import type { NotificationSettings } from './notifications/notificationContext';

/** What every module is given to set itself up. */
export interface ModuleContext {
  services: Services;
  /** Routes are declared here (and so are listed in the OpenAPI document). */
  api: Api;
  /** Modules owning a kind of live document register it here. */
  collab: CollabServer;
  settings: { loginRateLimit: LoginRateLimitOptions; notifications?: NotificationSettings };
}

/** What a module leaves running once set up. */
export interface RunningModule {
  /** Forwards the module's domain events to the people connected on sockets. */
  attach?(io: ChorusServer): void;
  /** Graceful shutdown: called after live documents are closed, before the database is. */
  close?(): Promise<void>;
}

/**
 * One domain module, as `server/app.ts` wires it: each `server/modules/<domain>/index.ts` exports one of these,
 * and the app sets every one up the same way, from one list.
 */
export interface ChorusModule {
  name: string;
  /** Request paths under /api whose bodies are raw bytes (exempt from the JSON-or-multipart CSRF check). */
  binaryBodyPaths?: RegExp[];
  /** Request paths under /api whose JSON bodies may be larger than the usual 1 MB, with what to say above the limit. */
  jsonBodyLimits?: JsonBodyLimit[];
  /** Registers the module's routes, jobs and document kinds; returns what it leaves running. */
  setUp(ctx: ModuleContext): RunningModule | void;
}
