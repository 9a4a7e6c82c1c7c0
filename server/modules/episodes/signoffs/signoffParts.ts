import { createHash } from 'node:crypto';
import type { Timeline } from '../../../../shared/contracts/episodes';
import type { SignoffPart } from '../../../../shared/contracts/signoffs';
import { placeTimeline } from '../../../../shared/timelinePlacement';

/** Who made a clip, and what it is called. */
export interface ClipMaker {
  contributorId: string;
  title: string;
}

/** One person's stretches in a timeline, in the order they play, and the fingerprint that decides whether an approval carries over. */
export interface PersonParts {
  userId: string;
  parts: SignoffPart[];
  fingerprint: string;
}

const ms = (seconds: number) => Math.round(seconds * 1000) / 1000;

/**
 * A person's parts as a fingerprint: the same clips with the same trims in the same order give the same
 * fingerprint, whatever else changed around them (other voices, music, where their stretches fall).
 */
export const partsFingerprint = (parts: readonly Pick<SignoffPart, 'clipId' | 'inSeconds' | 'outSeconds'>[]) =>
  createHash('sha256')
    .update(JSON.stringify(parts.map((p) => [p.clipId, ms(p.inSeconds), ms(p.outSeconds)])))
    .digest('hex');

/**
 * Everyone heard in a timeline with their parts: each clip stretch, with where it plays in the episode, goes to
 * the person who made the clip. People come in the order their voice is first heard.
 */
export function partsByPerson(timeline: Timeline, makers: ReadonlyMap<string, ClipMaker>): PersonParts[] {
  const byPerson = new Map<string, SignoffPart[]>();
  for (const stretch of placeTimeline(timeline.items).sequence) {
    const item = timeline.items[stretch.index];
    if (stretch.kind !== 'clip' || item?.kind !== 'clip') continue;
    const maker = makers.get(item.clipId);
    if (!maker) continue;
    const parts = byPerson.get(maker.contributorId) ?? [];
    parts.push({
      clipId: item.clipId,
      clipTitle: maker.title,
      inSeconds: ms(item.inSeconds),
      outSeconds: ms(item.outSeconds),
      startSeconds: ms(stretch.startSeconds),
      endSeconds: ms(stretch.endSeconds),
    });
    byPerson.set(maker.contributorId, parts);
  }
  return [...byPerson].map(([userId, parts]) => ({ userId, parts, fingerprint: partsFingerprint(parts) }));
}
