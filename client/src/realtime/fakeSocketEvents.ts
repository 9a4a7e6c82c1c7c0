type Handler = (...args: unknown[]) => void;

/**
 * The listening half of a Socket.IO socket, for tests that play its server: handlers registered with `on`/`off` as
 * the code under test does, and `deliver` to send them an event. Used by tests only.
 */
export class FakeSocketEvents {
  private handlers = new Map<string, Set<Handler>>();

  on(event: string, handler: Handler) {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(handler);
    return this;
  }

  off(event: string, handler: Handler) {
    this.handlers.get(event)?.delete(handler);
    return this;
  }

  deliver(event: string, ...args: unknown[]) {
    for (const h of this.handlers.get(event) ?? []) h(...args);
  }

  /** How many handlers are registered, over every event. */
  listening(): number {
    return [...this.handlers.values()].reduce((n, s) => n + s.size, 0);
  }
}
