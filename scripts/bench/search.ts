// Workspace search: 2,000 clips with 5-minute transcripts and a 100,000-word publication in one workspace, on SQLite
// and (with CHORUS_BENCH_DATABASE_URL or CHORUS_TEST_DATABASE_URL) PostgreSQL. A real server on port 0, driven
// over loopback with fetch: transcripts go in through PUT, the publication through the collab engine, and each
// search is one GET /api/workspaces/:id/search.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { createChorus } from '../../server/app';
import { loadConfig } from '../../server/config';
import { newClipRow } from '../../server/modules/clips/newClipRow';
import { freshPostgresSchema } from '../../tests/support/postgres';
import { latencySummary, round } from './stats';
import { currentConsentVersion } from '../../shared/contracts/clips';

/** A small seeded generator, so every run searches the same text. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A vocabulary of made-up words used with Zipf's law, as words are in speech: a few very common, most rare. */
function vocabulary(size: number, next: () => number) {
  const syllables = ['ba', 'ke', 'lo', 'mi', 'nu', 'ra', 'si', 'to', 've', 'da', 'fo', 'gu', 'ha', 'ji', 'pe', 'wo'];
  const words = new Set<string>();
  while (words.size < size) {
    const n = 2 + Math.floor(next() * 3);
    words.add(Array.from({ length: n }, () => syllables[Math.floor(next() * syllables.length)]).join(''));
  }
  const list = [...words];
  const weights = list.map((_, rank) => 1 / (rank + 1));
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const total = cumulative.at(-1)!;
  const pick = () => {
    const x = next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return list[lo]!;
  };
  return { list, pick };
}

interface Options {
  clips: number;
  minutes: number;
  documentWords: number;
  queries: number;
}

async function benchOn(database: 'sqlite' | 'postgres', options: Options, pgUrl: string | undefined) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'chorus-bench-search-'));
  const schema = database === 'postgres' ? await freshPostgresSchema(pgUrl!) : undefined;
  const chorus = await createChorus(
    loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      ...(schema ? { DATABASE_URL: schema.url } : {}),
    }),
  );
  try {
    const url = await chorus.listen();
    const json = { 'content-type': 'application/json' };
    const signup = await fetch(`${url}/api/auth/signup`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: 'bench@example.org', password: 'a good long password', name: 'Bench' }),
    });
    const userId = ((await signup.json()) as { user: { id: string } }).user.id;
    const cookie = signup.headers.getSetCookie()[0]!.split(';')[0]!;
    const headers = { ...json, cookie };
    const ws = (await (
      await fetch(`${url}/api/workspaces`, { method: 'POST', headers, body: JSON.stringify({ name: 'Bench' }) })
    ).json()) as { id: string };

    const next = random(42);
    const words = vocabulary(5000, next);
    const sentence = (n: number) => Array.from({ length: n }, words.pick).join(' ');

    // Clips as processing leaves them (ready, 5 minutes long, consent given): their audio plays no part in search.
    const seedStart = performance.now();
    const seconds = options.minutes * 60;
    const { services } = chorus;
    const seedClip = async (i: number) => {
      const id = randomUUID();
      const row = newClipRow({
        id,
        workspaceId: ws.id,
        contributorId: userId,
        title: `Story ${i + 1}`,
        status: 'ready',
        original: { filename: 'story.wav', format: 'wav', contentType: 'audio/wav', size: 1 },
        now: new Date().toISOString(),
      });
      await services.clips.insert({ ...row, duration_seconds: seconds });
      await services.clips.addConsent({
        clip_id: id,
        kind: 'given',
        podcast: 1,
        publication_quotes: 0,
        audience: 'internal',
        wording_version: currentConsentVersion,
        recorded_by: userId,
      });
      // About 150 words a minute, in segments of about 10 seconds.
      const segments = Array.from({ length: seconds / 10 }, (_, s) => ({
        startSeconds: s * 10,
        endSeconds: s * 10 + 9.5,
        text: sentence(25),
      }));
      const put = await fetch(`${url}/api/clips/${id}/transcript`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ segments }),
      });
      if (put.status !== 200) throw new Error(`PUT transcript: ${put.status} ${await put.text()}`);
    };
    // Four at a time, as a few people working at once would.
    let nextClip = 0;
    const seeder = async () => {
      while (nextClip < options.clips) await seedClip(nextClip++);
    };
    await Promise.all([seeder(), seeder(), seeder(), seeder()]);

    // The publication: paragraphs of 100 words, written in one change through the collab engine.
    const doc = (await (
      await fetch(`${url}/api/workspaces/${ws.id}/documents`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ title: 'The publication', kind: 'publication' }),
      })
    ).json()) as { id: string };
    const ydoc = new Y.Doc();
    const body = ydoc.getXmlFragment('default');
    for (let p = 0; p < options.documentWords / 100; p++) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(sentence(100))]);
      body.insert(body.length, [paragraph]);
    }
    const live = await chorus.collab.registry.open(doc.id, ws.id);
    await live.submitServerChange(Y.encodeStateAsUpdate(ydoc), userId);
    const seedSeconds = (performance.now() - seedStart) / 1000;

    const search = async (q: string) => {
      const t = performance.now();
      const res = await fetch(`${url}/api/workspaces/${ws.id}/search?q=${encodeURIComponent(q)}`, { headers });
      const found = ((await res.json()) as { results: unknown[] }).results.length;
      if (res.status !== 200) throw new Error(`search: ${res.status}`);
      return { ms: performance.now() - t, found };
    };
    // The first search indexes everything written above (every source is new to the index).
    const first = await search(words.list[10]!);

    const kinds = {
      common: () => words.list[Math.floor(next() * 10)]!,
      middling: () => words.list[100 + Math.floor(next() * 400)]!,
      rare: () => words.list[2000 + Math.floor(next() * 3000)]!,
      two_words: () => `${words.list[Math.floor(next() * 200)]} ${words.list[Math.floor(next() * 200)]}`,
    };
    const all: number[] = [];
    const byKind: Record<string, unknown> = {};
    for (const [kind, query] of Object.entries(kinds)) {
      const samples: number[] = [];
      let found = 0;
      for (let i = 0; i < options.queries; i++) {
        const r = await search(query());
        samples.push(r.ms);
        found += r.found;
      }
      all.push(...samples);
      byKind[kind] = { ...latencySummary(samples), mean_results: round(found / options.queries, 1) };
    }
    return {
      seed_s: round(seedSeconds, 1),
      first_search_indexing_s: round(first.ms / 1000, 2),
      passages: Number(
        (
          await services.db
            .selectFrom('search_passages')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirst()
        )?.n ?? 0,
      ),
      queries: latencySummary(all),
      by_kind: byKind,
    };
  } finally {
    await chorus.close();
    await schema?.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function run(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      clips: { type: 'string', default: '2000' },
      minutes: { type: 'string', default: '5' },
      'document-words': { type: 'string', default: '100000' },
      queries: { type: 'string', default: '100' },
      database: { type: 'string', default: 'both' },
    },
  });
  const options: Options = {
    clips: Number(values.clips),
    minutes: Number(values.minutes),
    documentWords: Number(values['document-words']),
    queries: Number(values.queries),
  };
  const pgUrl = process.env.CHORUS_BENCH_DATABASE_URL ?? process.env.CHORUS_TEST_DATABASE_URL;
  const figures: Record<string, unknown> = {
    clips: options.clips,
    transcript_minutes: options.minutes,
    document_words: options.documentWords,
    goal_p99_ms: 50,
  };
  if (values.database !== 'postgres') figures.sqlite = await benchOn('sqlite', options, undefined);
  if (values.database !== 'sqlite') {
    figures.postgres = pgUrl
      ? await benchOn('postgres', options, pgUrl)
      : 'skipped: set CHORUS_BENCH_DATABASE_URL (or CHORUS_TEST_DATABASE_URL) to a PostgreSQL database';
  }
  return figures;
}
