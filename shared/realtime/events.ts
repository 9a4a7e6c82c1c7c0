import { z } from 'zod';
import type { ErrorBody } from '../errors';
import type { Role } from '../roles';

export const presenceJoinSchema = z.uuid();

export interface OnlineMember {
  userId: string;
  name: string;
  role: Role;
}

export type Ack<T> = (reply: ({ ok: true } & T) | ({ ok: false } & ErrorBody)) => void;

/** Events the browser sends on the default namespace. */
export interface ClientToServerEvents {
  'workspace:join': (workspaceId: string, ack: Ack<{ online: OnlineMember[] }>) => void;
  'workspace:leave': (workspaceId: string) => void;
}

/** Events the server sends on the default namespace. Audio never travels here: only ids, status and progress. */
export interface ServerToClientEvents {
  'presence:update': (payload: { workspaceId: string; online: OnlineMember[] }) => void;
  'members:changed': (payload: { workspaceId: string }) => void;
}

