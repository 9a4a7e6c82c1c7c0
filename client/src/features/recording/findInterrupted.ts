import type { Recording } from '../../../../shared/contracts/recordings';
import { PieceUploader } from './pieceUploader';
import { pieceStore, type LocalRecording, type PieceStore } from './pieceStore';
import { listUnsentRecordings } from './recordingApi';
import { heldLocks, lockName } from './recordingLocks';
import type { Sendable } from './sendRecording';
import { uploaderApi } from './uploaderApi';

/** A recording that was never sent and is not being made in another tab here. */
export interface Interrupted extends Sendable {
  /** Where the server has it up to; null when none of it reached the server yet. */
  server: Recording | null;
  /** Pieces still on this device, being sent now. */
  waitingHere: number;
  startedAt: string;
}

/** Where interrupted recordings are looked for: this device's store and locks, and the server's list. */
export interface InterruptedSources {
  store(): Promise<PieceStore>;
  heldLocks(): Promise<Set<string>>;
  unsent(workspaceId: string): Promise<Recording[]>;
}

const deviceAndServer: InterruptedSources = { store: pieceStore, heldLocks, unsent: listUnsentRecordings };

/**
 * Recordings of mine in this workspace that were interrupted (a closed tab, a lost connection, another
 * device), newest first: what the server has, plus anything this browser still holds. Pieces held here
 * start on their way to the server at once. Local records of recordings already sent are forgotten.
 */
export async function findInterrupted(
  workspaceId: string,
  userId: string,
  from: InterruptedSources = deviceAndServer,
): Promise<Interrupted[]> {
  const store = await from.store();
  const held = await from.heldLocks();
  const locals = (await store.recordings(workspaceId, userId)).filter((l) => !held.has(lockName(l.key)));
  const server = await from.unsent(workspaceId).catch(() => null);
  const found: Interrupted[] = [];

  for (const local of locals) {
    if (local.purpose === 'voiceComment') {
      // A voice comment is never carried on later (its place in the conversation has moved on), and sending it
      // from here would make it a story: it is forgotten, as the server leaves it out of its list.
      await store.forget(local.key);
      continue;
    }
    const remote = server?.find((r) => r.clientKey === local.key) ?? null;
    const waiting = (await store.pieces(local.key)).length;
    if (server && !remote && (local.serverId !== null || waiting === 0)) {
      await store.forget(local.key); // sent, thrown away or withdrawn since; or nothing of it anywhere
      continue;
    }
    found.push(await withUploader(local, remote, waiting));
  }
  for (const remote of server ?? []) {
    if (held.has(lockName(remote.clientKey)) || found.some((f) => f.server?.id === remote.id)) continue;
    if (remote.nextSeq === 0) continue; // nothing arrived: nothing to send
    found.push({
      server: remote,
      serverId: remote.id,
      uploader: null,
      localKey: null,
      title: remote.title,
      waitingHere: 0,
      startedAt: remote.startedAt,
    });
  }
  return found
    .filter((f) => f.waitingHere > 0 || (f.server?.nextSeq ?? 0) > 0)
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt));
}

async function withUploader(local: LocalRecording, remote: Recording | null, waiting: number): Promise<Interrupted> {
  const uploader = waiting > 0 ? new PieceUploader(local, await pieceStore(), uploaderApi) : null;
  if (uploader) await uploader.resume();
  return {
    server: remote,
    serverId: remote?.id ?? local.serverId,
    uploader,
    localKey: local.key,
    title: remote?.title ?? (local.title.trim() || 'Your story'),
    waitingHere: waiting,
    startedAt: remote?.startedAt ?? new Date(local.startedAt).toISOString(),
  };
}
