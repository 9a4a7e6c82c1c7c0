import { EventEmitter } from 'node:events';

/** Domain events inside one server process; the realtime layer forwards them to the right sockets. */
export interface DomainEvents {
  'members:changed': [workspaceId: string];
  'member:removed': [workspaceId: string, userId: string];
}

export type EventBus = EventEmitter<DomainEvents>;
export const createEventBus = (): EventBus => new EventEmitter<DomainEvents>();
