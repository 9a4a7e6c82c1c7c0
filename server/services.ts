import type { Config } from './config';
import type { Db } from './db/connect';
import { createEventBus, type EventBus } from './events';
import type { Logger } from './logger';
import { sessionRepository } from './modules/accounts/sessionRepository';
import { userRepository } from './modules/accounts/userRepository';
import { documentRepository } from './modules/documents/documentRepository';
import { inviteRepository } from './modules/invites/inviteRepository';
import { workspaceRepository } from './modules/workspaces/workspaceRepository';
import type { BlobStore } from './storage/BlobStore';

/** What route handlers and socket handlers are given: built once at boot, no globals. */
export interface Services {
  config: Config;
  logger: Logger;
  db: Db;
  blobs: BlobStore;
  bus: EventBus;
  users: ReturnType<typeof userRepository>;
  sessions: ReturnType<typeof sessionRepository>;
  workspaces: ReturnType<typeof workspaceRepository>;
  invites: ReturnType<typeof inviteRepository>;
  documents: ReturnType<typeof documentRepository>;
}

export function createServices(config: Config, logger: Logger, db: Db, blobs: BlobStore): Services {
  return {
    config,
    logger,
    db,
    blobs,
    bus: createEventBus(),
    users: userRepository(db),
    sessions: sessionRepository(db),
    workspaces: workspaceRepository(db),
    invites: inviteRepository(db),
    documents: documentRepository(db),
  };
}
