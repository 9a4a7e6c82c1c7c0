import * as Y from 'yjs';

type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

/** What the server was last seen to hold: its state vector (its sync step 1) and its delete set (its sync step 2). */
export interface ServerView {
  stateVector: Map<number, number>;
  deleteSet: DeleteSet;
}

/** Reads the server's delete set from its sync step 2, which always carries the whole of it. */
export const deleteSetOf = (update: Uint8Array): DeleteSet => Y.mergeDeleteSets([Y.decodeUpdate(update).ds]);

/** True when every deleted range of `ranges` lies inside `held` (both sorted and merged). */
function rangesCovered(ranges: ReadonlyArray<{ clock: number; len: number }>, held: ReadonlyArray<{ clock: number; len: number }>): boolean {
  let h = 0;
  for (const { clock, len } of ranges) {
    if (len === 0) continue;
    while (h < held.length && held[h]!.clock + held[h]!.len <= clock) h++;
    const range = held[h];
    if (!range || range.clock > clock || range.clock + range.len < clock + len) return false;
  }
  return true;
}

/** True when the server already holds everything in `update`: each insertion by its state vector, each deletion by its delete set. */
export function serverHolds(view: ServerView, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue;
    if ((view.stateVector.get(struct.id.client) ?? 0) < struct.id.clock + struct.length) return false;
  }
  for (const [client, ranges] of Y.mergeDeleteSets([ds]).clients) {
    if (!rangesCovered(ranges, view.deleteSet.clients.get(client) ?? [])) return false;
  }
  return true;
}

/**
 * Changes made here that the server has not yet been seen to hold. The server does not acknowledge
 * updates, so "saved" is decided by looking: once a fresh view of the server's state contains every
 * pending change, they are saved (the server applies a change only after its durable log has it).
 */
export class PendingChanges {
  private updates: Uint8Array[] = [];

  get empty(): boolean {
    return this.updates.length === 0;
  }

  add(update: Uint8Array): void {
    this.updates.push(update);
    if (this.updates.length > 200) this.updates = [Y.mergeUpdates(this.updates)];
  }

  /** Start again from everything this device has (after a reconnect nothing is assumed). */
  reset(everything: Uint8Array | null): void {
    this.updates = everything ? [everything] : [];
  }

  /** Forget whatever the server holds; true when nothing is left pending. */
  settle(view: ServerView): boolean {
    if (this.updates.length === 0) return true;
    const merged = this.updates.length === 1 ? this.updates[0]! : Y.mergeUpdates(this.updates);
    this.updates = serverHolds(view, merged) ? [] : [merged];
    return this.updates.length === 0;
  }
}
