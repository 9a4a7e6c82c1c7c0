import type { EventBus } from '../../events';
import { workspaceRoom, type ChorusServer } from '../../realtime/socketServer';

/** Episode events go to everyone in the workspace room: render status and progress, and flags after a withdrawal. */
export function forwardEpisodeEvents(io: ChorusServer, bus: EventBus): void {
  bus.on('episode:render', (e) => io.to(workspaceRoom(e.workspaceId)).emit('episode:render', e));
  bus.on('episode:flagged', (e) => io.to(workspaceRoom(e.workspaceId)).emit('episode:flagged', e));
}
