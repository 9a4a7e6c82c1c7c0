// Episode render speed: a 30-minute episode from 10 clips with 2-second crossfades. The clips (looped espeak-ng
// speech over pink noise, each at its own level from −30 to −12 LUFS, FLAC) go through the real clip pipeline
// (upload → clip.process → approve), then ONE `episode.render` job is timed from start to finish: the single
// ffmpeg graph levelled from each clip's measured loudness, the limiter, MP3 encoding, measuring the encoded
// file (and a corrective pass only if it misses). For comparison the same script then runs the hand-written
// two-pass command line on the same files: pass 1 measures the mix with loudnorm print_format=json, pass 2
// normalises with those measurements (linear) and encodes the same MP3. `--minutes N` (default 30).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createChorus } from '../../server/app';
import { loadConfig } from '../../server/config';
import { renderGraph, type RenderSegment } from '../../server/media/render';
import { ffmpeg, makeLongWav, measureLoudness } from '../../tests/support/audio';
import { uploadAudio, waitForClip } from '../../tests/support/audioClips';
import { signedUp } from '../../tests/support/httpClient';
import { round } from './stats';

const CLIPS = 10;
const CROSSFADE = 2;
const TRIM = 1;

/** Highest VmHWM (peak resident memory) seen among this process's ffmpeg children, sampled every 100 ms. */
function watchFfmpegChildren() {
  let peakKb = 0;
  const timer = setInterval(() => {
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const m = /^\d+ \((.*)\) \S (\d+)/.exec(stat);
        if (!m || m[1] !== 'ffmpeg' || Number(m[2]) !== process.pid) continue;
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {
        // the process ended between listing and reading
      }
    }
  }, 100);
  return { stop: () => (clearInterval(timer), round(peakKb / 1024, 1)) };
}

const ffmpegArgs = (segments: RenderSegment[], extra: string[]) => [...segments.flatMap((s) => (s.input === null ? [] : ['-i', s.input])), ...extra];

/** The trims and crossfades alone, as someone would write them by hand (no per-clip levelling). */
const handGraph = (segments: RenderSegment[]) => renderGraph({ segments: segments.map((s) => ({ ...s, gainDb: 0 })), beds: [], speech: [] }).replace(/;\[\w+\]volume=0\.00dB,alimiter=[^[]*\[out\]$/, '');

export async function run(args: string[]) {
  const { values } = parseArgs({ args, options: { minutes: { type: 'string', default: '30' } } });
  const total = Number(values.minutes) * 60;
  const clipSeconds = Math.ceil((total + (CLIPS - 1) * CROSSFADE) / CLIPS + 2 * TRIM);
  const dir = await mkdtemp(path.join(tmpdir(), 'chorus-bench-render-'));
  try {
    const base = await makeLongWav(dir, clipSeconds);
    const levels = Array.from({ length: CLIPS }, (_, i) => -30 + (18 * i) / (CLIPS - 1));
    const baseLufs = (await measureLoudness(base)).integratedLufs;
    const files = await Promise.all(
      levels.map(async (lufs, i) => {
        const file = path.join(dir, `clip-${i}.flac`);
        await ffmpeg(['-i', base, '-af', `volume=${(lufs - baseLufs).toFixed(2)}dB`, '-c:a', 'flac', '-sample_fmt', 's32', file]);
        return file;
      }),
    );

    const chorus = await createChorus(loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent', MAX_UPLOAD_BYTES: String(4 * 1024 ** 3) }));
    const url = await chorus.listen();
    let ours: Record<string, unknown>;
    const segments: RenderSegment[] = [];
    try {
      const editor = (await signedUp(url, 'Bench')).client;
      const wsId = (await editor.post('/api/workspaces', { name: 'Bench' })).body.id;
      const clipIds: string[] = [];
      for (const file of files) {
        const up = await uploadAudio(editor, wsId, file, { fields: { audience: 'public' } });
        const clip = await waitForClip(editor, up.body.id, undefined, 600_000);
        if (clip.status !== 'ready') throw new Error(`clip failed: ${clip.failureReason}`);
        await editor.post(`/api/clips/${clip.id}/review`, { state: 'approved' });
        clipIds.push(clip.id);
        segments.push({ input: file, inSeconds: TRIM, outSeconds: clipSeconds - TRIM, gainDb: 0, crossfadeSeconds: segments.length ? CROSSFADE : 0 });
      }
      const episode = (await editor.post(`/api/workspaces/${wsId}/episodes`, { title: 'Bench episode' })).body;
      const items = clipIds.map((clipId, i) => ({ kind: 'clip', clipId, inSeconds: TRIM, outSeconds: clipSeconds - TRIM, gainDb: 0, crossfadeSeconds: i ? CROSSFADE : 0 }));
      const chapters = clipIds.map((_, i) => ({ atSeconds: i * (clipSeconds - 2 * TRIM - CROSSFADE), title: `Story ${i + 1}` }));
      const timeline = await editor.request('PUT', `/api/episodes/${episode.id}/timeline`, { items, chapters });
      if (timeline.status !== 200) throw new Error(JSON.stringify(timeline.body));

      let started = 0;
      const done = new Promise<{ status: string; error: string | null }>((resolve) =>
        chorus.services.bus.on('job:updated', (u) => {
          if (u.type !== 'episode.render') return;
          if (u.status === 'running' && !started) started = performance.now();
          if (u.status === 'succeeded' || u.status === 'failed') resolve({ status: u.status, error: u.error });
        }),
      );
      const watch = watchFfmpegChildren();
      const rssBefore = process.memoryUsage().rss;
      await editor.post(`/api/episodes/${episode.id}/render`);
      const outcome = await done;
      const wall = (performance.now() - started) / 1000;
      const ffmpegPeak = watch.stop();
      if (outcome.status !== 'succeeded') throw new Error(`render failed: ${outcome.error}`);
      const render = (await editor.get(`/api/episodes/${episode.id}/renders`)).body.renders[0];
      ours = {
        wall_s: round(wall, 2),
        realtime_factor: round(render.durationSeconds / wall, 1),
        peak_rss_mb: ffmpegPeak,
        server_process_rss_mb: round(process.memoryUsage().rss / 1024 ** 2, 1),
        server_process_rss_growth_mb: round((process.memoryUsage().rss - rssBefore) / 1024 ** 2, 1),
        status: render.status,
        integrated_lufs: render.integratedLufs,
        true_peak_dbtp: render.truePeakDbtp,
        corrective_pass_db: render.correctionDb,
        duration_s: render.durationSeconds,
        timeline_s: timeline.body.totalSeconds,
      };
    } finally {
      await chorus.close();
    }

    // The hand-written two-pass command line on the same files.
    const graph = handGraph(segments);
    const last = /\[(\w+)\]$/.exec(graph)![1]!;
    const watch = watchFfmpegChildren();
    const t0 = performance.now();
    const pass1 = await ffmpegStderr(ffmpegArgs(segments, ['-filter_complex', `${graph};[${last}]loudnorm=I=-16:TP=-1.5:LRA=11:print_format=json[out]`, '-map', '[out]', '-f', 'null', '-']));
    const m = JSON.parse(pass1.slice(pass1.lastIndexOf('{'), pass1.lastIndexOf('}') + 1)) as Record<string, string>;
    const handOut = path.join(dir, 'hand.mp3');
    const norm = `loudnorm=I=-16:TP=-1.5:LRA=11:measured_I=${m.input_i}:measured_TP=${m.input_tp}:measured_LRA=${m.input_lra}:measured_thresh=${m.input_thresh}:offset=${m.target_offset}:linear=true,aresample=44100`;
    await ffmpegStderr(ffmpegArgs(segments, ['-filter_complex', `${graph};[${last}]${norm}[out]`, '-map', '[out]', '-c:a', 'libmp3lame', '-b:a', '128k', '-ar', '44100', '-y', handOut]));
    const handWall = (performance.now() - t0) / 1000;
    const handPeak = watch.stop();
    const handLoudness = await measureLoudness(handOut);

    return {
      note: 'ours: one episode.render job (single ffmpeg graph levelled from per-clip loudness measured at upload + limiter + MP3/ID3 chapters, then ebur128 on the encoded file; corrective pass only on a miss). hand: loudnorm pass 1 (measure the mix) + pass 2 (linear normalise + encode)',
      input: { minutes: Number(values.minutes), clips: CLIPS, crossfade_s: CROSSFADE, clip_levels_lufs: levels.map((l) => round(l, 1)) },
      ...ours,
      hand_two_pass: { wall_s: round(handWall, 2), realtime_factor: round(total / handWall, 1), peak_rss_mb: handPeak, integrated_lufs: handLoudness.integratedLufs, true_peak_dbtp: handLoudness.truePeakDbfs },
      speedup_vs_hand: round(handWall / (ours.wall_s as number), 2),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function ffmpegStderr(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('ffmpeg', ['-nostdin', '-hide_banner', '-nostats', ...args]);
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(err) : reject(new Error(`ffmpeg exited ${code}: ${err.slice(-500)}`))));
  });
}
