import type { EventBus } from '../../events';
import { workspaceRoom, type ChorusServer } from '../../realtime/socketServer';

/**
 * Thread changes go to the workspace room: joining it takes membership (checked by the policy
 * module), a removed member is taken out at once, and every member may read every document there.
 * A mention goes only to the mentioned person's sockets.
 */
export function forwardThreadEvents(io: ChorusServer, bus: EventBus): void {
  bus.on('thread:changed', (e) => io.to(workspaceRoom(e.workspaceId)).emit('thread:changed', e));
  bus.on('thread:mention', (userId, e) => {
    void io
      .in(workspaceRoom(e.workspaceId))
      .fetchSockets()
      .then((sockets) => {
        for (const s of sockets) if (s.data.userId === userId) s.emit('thread:mention', e);
      })
      .catch(() => undefined);
  });
}
