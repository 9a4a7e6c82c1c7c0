import { useEffect, useRef } from 'react';
import type { ServerToClientEvents } from '../../../../shared/realtime/events';
import { getSocket } from '../../realtime/socket';
import { useAfterEachJoin } from '../../realtime/roomJoins';
import { useWorkspaceRoom, type WorkspaceRoom } from '../../realtime/useWorkspaceRoom';

type ClipEventName =
  | 'clip:created'
  | 'clip:status'
  | 'clip:progress'
  | 'clip:review'
  | 'clip:consent'
  | 'clip:comment'
  | 'clip:withdrawn'
  | 'clip:discarded'
  | 'clip:audio'
  | 'transcript:draft';
const clipEvents: ClipEventName[] = [
  'clip:created',
  'clip:status',
  'clip:progress',
  'clip:review',
  'clip:consent',
  'clip:comment',
  'clip:withdrawn',
  'clip:discarded',
  'clip:audio',
  'transcript:draft',
];

export type ClipEventHandlers = { [E in ClipEventName]?: ServerToClientEvents[E] } & {
  /** The room was joined (first, or again after a break): anything may have changed before, so load again. */
  resync?(): void;
};

const noChange = () => undefined;

/**
 * Joins the workspace's live room and passes on the clip events for that workspace. Sockets carry ids,
 * status, progress and comment text; anything else is fetched again over HTTP.
 */
export function useClipEvents(workspaceId: string, handlers: ClipEventHandlers): WorkspaceRoom {
  const room = useWorkspaceRoom(workspaceId, noChange);
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    const socket = getSocket();
    const listeners = clipEvents.map((name) => {
      const listener = (payload: { workspaceId: string }) => {
        if (payload.workspaceId !== workspaceId) return;
        const handler = latest.current[name] as ((p: typeof payload) => void) | undefined;
        handler?.(payload);
      };
      socket.on(name, listener as never);
      return () => socket.off(name, listener as never);
    });
    return () => listeners.forEach((off) => off());
  }, [workspaceId]);

  // Events sent before the room was joined (the page had loaded but not yet joined, or the connection broke) went
  // to nobody here: after every join, load again what they would have told.
  useAfterEachJoin(workspaceId, () => latest.current.resync?.());

  return room;
}
