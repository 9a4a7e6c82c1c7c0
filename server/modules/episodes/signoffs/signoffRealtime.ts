import type { EventBus } from '../../../events';
import { workspaceRoom, type ChorusServer } from '../../../realtime/socketServer';

/** Sign-off decisions go live to the workspace room (ids and state only), so an editor's list updates as people answer. */
export function forwardSignoffEvents(io: ChorusServer, bus: EventBus): void {
  bus.on('episode:signoffDecided', (e) =>
    io.to(workspaceRoom(e.workspaceId)).emit('episode:signoff', {
      workspaceId: e.workspaceId,
      episodeId: e.episodeId,
      userId: e.userId,
      state: e.decision,
    }),
  );
}
