import type { EventBus } from '../../events';
import { userRoom, type ChorusServer } from '../../realtime/socketServer';

/** Notices and unread counts go to the person's own sockets only (on every instance, through the adapter). */
export function forwardNotificationEvents(io: ChorusServer, bus: EventBus): void {
  bus.on('notification:new', (userId, e) => io.to(userRoom(userId)).emit('notification:new', e));
  bus.on('notification:unread', (userId, unread) => io.to(userRoom(userId)).emit('notification:unread', { unread }));
}
