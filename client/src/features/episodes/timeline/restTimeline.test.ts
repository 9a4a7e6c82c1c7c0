import { describe, expect, it } from 'vitest';
import type { Timeline } from '../../../../../shared/contracts/episodes';
import { ApiError } from '../../../api/ApiError';
import { RestTimeline, type TimelineTransport } from './restTimeline';
import * as ops from './timelineOps';

const clipId = '6f1c8e0a-3f4b-4c55-9d2e-0a1b2c3d4e5f';
const otherId = '7a2d9f1b-4a5c-4d66-8e3f-1b2c3d4e5f60';
const item = (id = clipId, outSeconds = 5) => ({
  kind: 'clip' as const,
  clipId: id,
  inSeconds: 0,
  outSeconds,
  gainDb: 0,
  crossfadeSeconds: 0,
});
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A server stand-in that records what it was sent and answers as told. */
function server(start: Timeline = { items: [], chapters: [] }, canEdit = true) {
  const saved: Timeline[] = [];
  let answer: (t: Timeline) => Promise<unknown> = async (t) => t;
  const transport: TimelineTransport = {
    load: async () => ({ timeline: structuredClone(start), canEdit }),
    save: (t) => {
      saved.push(structuredClone(t));
      return answer(t);
    },
  };
  return { transport, saved, answerWith: (f: typeof answer) => (answer = f) };
}

describe('the REST timeline', () => {
  it('shows edits at once and stores the whole timeline once the editing pauses', async () => {
    const s = server();
    const store = new RestTimeline(s.transport, { debounceMs: 30 });
    await store.load();
    store.apply((t) => ops.insertItem(t, 0, item()));
    store.apply((t) => ops.insertItem(t, 1, item(otherId)));
    store.apply((t) => ops.updateItem(t, 0, { outSeconds: 3 }));
    expect(store.snapshot.timeline.items.map((i) => i.outSeconds)).toEqual([3, 5]);
    expect(s.saved).toHaveLength(0);
    await wait(100);
    expect(s.saved).toHaveLength(1);
    expect(s.saved[0]!.items.map((i) => i.outSeconds)).toEqual([3, 5]);
  });

  it('flush sends what is pending at once and waits for it', async () => {
    const s = server();
    const store = new RestTimeline(s.transport, { debounceMs: 10_000 });
    await store.load();
    let arrived = false;
    s.answerWith(async (t) => {
      await wait(30);
      arrived = true;
      return t;
    });
    store.apply((t) => ops.insertItem(t, 0, item()));
    await store.flush();
    expect(arrived).toBe(true);
    expect(s.saved).toHaveLength(1);
    await store.flush(); // nothing pending: nothing sent
    expect(s.saved).toHaveLength(1);
  });

  it('keeps refused edits on screen with the server’s words, and flush says why', async () => {
    const s = server();
    const store = new RestTimeline(s.transport, { debounceMs: 10_000 });
    await store.load();
    s.answerWith(async () => {
      throw new ApiError(
        'validation_failed',
        'Item 1: “Mary” was withdrawn by the person who made it. Remove it from the timeline.',
        { status: 400 },
      );
    });
    store.apply((t) => ops.insertItem(t, 0, item()));
    await expect(store.flush()).rejects.toThrow(/was withdrawn/);
    expect(store.snapshot.error).toMatch(/was withdrawn/);
    expect(store.snapshot.timeline.items).toHaveLength(1);
    // Still refused with nothing new to send: the stored timeline is not the one on screen.
    await expect(store.flush()).rejects.toThrow(/was withdrawn/);
    s.answerWith(async (t) => t);
    store.apply((t) => ops.removeItem(t, 0));
    await store.flush();
    expect(store.snapshot.error).toBeNull();
  });

  it('does not send a timeline the shared schema refuses, and says which item is wrong', async () => {
    const s = server({ items: [item()], chapters: [] });
    const store = new RestTimeline(s.transport, { debounceMs: 10_000 });
    await store.load();
    store.apply((t) => ops.updateItem(t, 0, { outSeconds: 0 }));
    await expect(store.flush()).rejects.toThrow('Item 1: The end of the trim must come after its start.');
    expect(s.saved).toHaveLength(0);
  });

  it('keeps trying when the connection is lost, and saves when it is back', async () => {
    const s = server();
    const store = new RestTimeline(s.transport, { debounceMs: 10, retryMs: 40 });
    await store.load();
    s.answerWith(async () => {
      throw new ApiError('unavailable', 'We could not reach Chorus.', { status: 0 });
    });
    store.apply((t) => ops.insertItem(t, 0, item()));
    await wait(30);
    expect(store.snapshot.status).toBe('offline');
    expect(store.snapshot.error).toMatch(/not saved yet/);
    s.answerWith(async (t) => t);
    await wait(150);
    expect(store.snapshot.status).toBe('ready');
    expect(store.snapshot.error).toBeNull();
    expect(s.saved.at(-1)!.items).toHaveLength(1);
  });

  it('loads once however often it is asked, and sends unsaved edits at once when the page goes', async () => {
    const s = server();
    let loads = 0;
    const counting: TimelineTransport = { ...s.transport, load: () => (loads++, s.transport.load()) };
    const store = new RestTimeline(counting, { debounceMs: 10_000 });
    await Promise.all([store.load(), store.load()]);
    expect(loads).toBe(1);
    store.apply((t) => ops.insertItem(t, 0, item()));
    store.close();
    await wait(20);
    expect(s.saved).toHaveLength(1);
  });

  it('never stores after a failed load, and ignores edits from people who may not edit', async () => {
    const failing: TimelineTransport = {
      load: async () => {
        throw new ApiError('not_found', 'We could not find that episode.', { status: 404 });
      },
      save: async () => {
        throw new Error('must not be called');
      },
    };
    const broken = new RestTimeline(failing, { debounceMs: 1 });
    await broken.load();
    expect(broken.snapshot).toMatchObject({ status: 'error', error: 'We could not find that episode.' });
    broken.apply((t) => ops.insertItem(t, 0, item()));
    await broken.flush();
    expect(broken.snapshot.timeline.items).toHaveLength(0);

    const s = server({ items: [], chapters: [] }, false);
    const readOnly = new RestTimeline(s.transport, { debounceMs: 1 });
    await readOnly.load();
    readOnly.apply((t) => ops.insertItem(t, 0, item()));
    await readOnly.flush();
    expect(s.saved).toHaveLength(0);
    expect(readOnly.snapshot.timeline.items).toHaveLength(0);
  });
});
