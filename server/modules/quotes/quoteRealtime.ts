import type { EventBus } from '../../events';
import { workspaceRoom, type ChorusServer } from '../../realtime/socketServer';

/** Quotes taken out go to the workspace room: every member there may read every document in it. */
export function forwardQuoteEvents(io: ChorusServer, bus: EventBus): void {
  bus.on('quote:removed', (e) => io.to(workspaceRoom(e.workspaceId)).emit('quote:removed', e));
}
