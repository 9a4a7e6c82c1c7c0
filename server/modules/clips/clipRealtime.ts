import type { EventBus } from '../../events';
import { workspaceRoom, type ChorusServer } from '../../realtime/socketServer';

/** Clip events go to everyone in the clip's workspace room (joining it was authorised by the policy module). */
export function forwardClipEvents(io: ChorusServer, bus: EventBus): void {
  const room = (workspaceId: string) => io.to(workspaceRoom(workspaceId));
  bus.on('clip:created', (e) => room(e.workspaceId).emit('clip:created', e));
  bus.on('clip:status', (e) => room(e.workspaceId).emit('clip:status', e));
  bus.on('clip:progress', (e) => room(e.workspaceId).emit('clip:progress', e));
  bus.on('clip:review', (e) => room(e.workspaceId).emit('clip:review', e));
  bus.on('clip:consent', (e) => room(e.workspaceId).emit('clip:consent', e));
  bus.on('clip:comment', (e) => room(e.workspaceId).emit('clip:comment', e));
  bus.on('clip:withdrawn', (e) => room(e.workspaceId).emit('clip:withdrawn', e));
  bus.on('clip:discarded', (e) => room(e.workspaceId).emit('clip:discarded', e));
  bus.on('clip:audio', (e) => room(e.workspaceId).emit('clip:audio', e));
  // Ids only: the struck words never travel.
  bus.on('clip:redactions', ({ workspaceId, clipId }) =>
    room(workspaceId).emit('clip:redactions', { workspaceId, clipId }),
  );
}
