// Episode render speed: a 30-minute episode from 10 clips with 2-second crossfades and an intro bed (a
// 45-second chord pad from ffmpeg that plays alone for 8 seconds, then ducks under the first clip). The clips
// (looped espeak-ng speech over pink noise, each at its own level from −30 to −12 LUFS, FLAC) go through the
// real clip pipeline (upload → clip.process → approve), the bed through the music pipeline (upload →
// music.process), then ONE `episode.render` job is timed from start to finish: the single ffmpeg graph levelled
// from each source's measured loudness, the bed ducked by volume automation, the limiter, MP3 encoding,
// measuring the encoded file (and a corrective pass only if it misses). For comparison the same script then
// runs the hand-written two-pass command line on the same files and the same mix (trims, crossfades, the bed
// ducked the same way, no per-clip levelling): pass 1 measures it with loudnorm print_format=json, pass 2
// normalises with those measurements (linear) and encodes the same MP3. `--minutes N` (default 30).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchChorus } from './benchServer';
import { renderGraph, renderInputs, type RenderMix } from '../../server/media/render';
import { renderMixOf } from '../../server/modules/episodes/renderMix';
import { ffmpeg, makeLongWav, measureLoudness } from '../../tests/support/audio';
import { uploadAudio, waitForClip } from '../../tests/support/audioClips';
import { signedUp, type TestClient } from '../../tests/support/httpClient';
import { timelineSchema } from '../../shared/contracts/episodes';
import { musicReferenceLufs } from '../../server/media/loudness';
import { round } from './stats';

const CLIPS = 10;
const CROSSFADE = 2;
const TRIM = 1;
const BED_SECONDS = 45;
const BED_LEAD = 8;

/**
 * Highest VmHWM (peak resident memory) seen among this process's ffmpeg children, and the CPU time they used
 * (user + system, last seen), sampled every 100 ms. CPU time is what to compare when the machine is busy with
 * other work: wall time then measures the neighbours as much as the render.
 */
function watchFfmpegChildren() {
  let peakKb = 0;
  const ticks = new Map<string, number>();
  const timer = setInterval(() => {
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const m = /^\d+ \((.*)\) \S (\d+)/.exec(stat);
        if (!m || m[1] !== 'ffmpeg' || Number(m[2]) !== process.pid) continue;
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks.set(pid, Number(fields[11]) + Number(fields[12])); // utime + stime, in clock ticks (100 per second)
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {
        // the process ended between listing and reading
      }
    }
  }, 100);
  return {
    stop: () => {
      clearInterval(timer);
      return { peakMb: round(peakKb / 1024, 1), cpuS: round([...ticks.values()].reduce((a, b) => a + b, 0) / 100, 1) };
    },
  };
}

const ffmpegArgs = (mix: RenderMix, extra: string[]) => [
  ...renderInputs(mix).flatMap((file) => ['-i', file]),
  ...extra,
];

/** The trims, crossfades and ducked bed alone, as someone would write them by hand (no levelling, no limiter). */
const handGraph = (mix: RenderMix) =>
  renderGraph({
    ...mix,
    segments: mix.segments.map((s) => ({ ...s, gainDb: 0 })),
    beds: mix.beds.map((b) => ({ ...b, gainDb: -6 })),
  }).replace(/;\[\w+\]volume=[-\d.]+dB,alimiter=[^[]*\[out\]$/, '');

export async function run(args: string[]) {
  const { values } = parseArgs({ args, options: { minutes: { type: 'string', default: '30' } } });
  const total = Number(values.minutes) * 60;
  const clipSeconds = Math.ceil((total - BED_LEAD + (CLIPS - 1) * CROSSFADE) / CLIPS + 2 * TRIM);
  const dir = await mkdtemp(path.join(tmpdir(), 'chorus-bench-render-'));
  try {
    const base = await makeLongWav(dir, clipSeconds);
    const levels = Array.from({ length: CLIPS }, (_, i) => -30 + (18 * i) / (CLIPS - 1));
    const baseLufs = (await measureLoudness(base)).integratedLufs;
    const bedFile = path.join(dir, 'bed.flac');
    const pad =
      'aevalsrc=0.12*sin(2*PI*220*t)*(1+0.3*sin(2*PI*0.25*t))+0.1*sin(2*PI*277.2*t)+0.08*sin(2*PI*329.6*t)+0.05*sin(2*PI*110*t)';
    await ffmpeg(['-f', 'lavfi', '-i', `${pad}:s=44100:d=${BED_SECONDS + 5}`, '-ac', '2', '-c:a', 'flac', bedFile]);
    const files = await Promise.all(
      levels.map(async (lufs, i) => {
        const file = path.join(dir, `clip-${i}.flac`);
        await ffmpeg([
          '-i',
          base,
          '-af',
          `volume=${(lufs - baseLufs).toFixed(2)}dB`,
          '-c:a',
          'flac',
          '-sample_fmt',
          's32',
          file,
        ]);
        return file;
      }),
    );

    const chorus = await benchChorus(dir, { MAX_UPLOAD_BYTES: String(4 * 1024 ** 3) });
    // On a busy machine the client may reuse a kept-alive socket just as the server's 5-second idle timeout
    // closes it; a 30 MB upload sent into that socket dies with ECONNRESET (it happened in 2 runs of 3).
    chorus.http.keepAliveTimeout = 120_000;
    const url = await chorus.listen();
    let ours: Record<string, unknown>;
    let mix: RenderMix | undefined;
    try {
      const editor = (await signedUp(url, 'Bench')).client;
      const wsId = (await editor.post('/api/workspaces', { name: 'Bench' })).body.id;
      const bedUpload = await uploadMusic(url, editor.cookie, wsId, bedFile);
      const bed = await waitForMusic(editor, bedUpload.id);
      const clipIds: string[] = [];
      const sources = new Map<string, string>([[bed.id, bedFile]]);
      const gains = new Map<string, number>([[bed.id, musicReferenceLufs - bed.loudnessLufs]]);
      for (const file of files) {
        const up = await uploadAudio(editor, wsId, file, { fields: { audience: 'public' } });
        const clip = await waitForClip(editor, up.body.id, undefined, 600_000);
        if (clip.status !== 'ready') throw new Error(`clip failed: ${clip.failureReason}`);
        await editor.post(`/api/clips/${clip.id}/review`, { state: 'approved' });
        clipIds.push(clip.id);
        sources.set(clip.id, file);
        gains.set(clip.id, 0);
      }
      const episode = (await editor.post(`/api/workspaces/${wsId}/episodes`, { title: 'Bench episode' })).body;
      const items = [
        {
          kind: 'music',
          assetId: bed.id,
          role: 'bed',
          inSeconds: 0,
          outSeconds: BED_SECONDS,
          gainDb: 0,
          crossfadeSeconds: 1,
          leadSeconds: BED_LEAD,
          duckDb: 12,
        },
        ...clipIds.map((clipId, i) => ({
          kind: 'clip',
          clipId,
          inSeconds: TRIM,
          outSeconds: clipSeconds - TRIM,
          gainDb: 0,
          crossfadeSeconds: i ? CROSSFADE : 0,
        })),
      ];
      const chapters = clipIds.map((_, i) => ({
        atSeconds: i === 0 ? 0 : BED_LEAD + i * (clipSeconds - 2 * TRIM - CROSSFADE),
        title: `Story ${i + 1}`,
      }));
      const timeline = await editor.request('PUT', `/api/episodes/${episode.id}/timeline`, { items, chapters });
      if (timeline.status !== 200) throw new Error(JSON.stringify(timeline.body));
      mix = renderMixOf(timelineSchema.parse({ items, chapters }), gains, sources);

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
      const ffmpegUse = watch.stop();
      if (outcome.status !== 'succeeded') throw new Error(`render failed: ${outcome.error}`);
      const render = (await editor.get(`/api/episodes/${episode.id}/renders`)).body.renders[0];
      ours = {
        wall_s: round(wall, 2),
        realtime_factor: round(render.durationSeconds / wall, 1),
        peak_rss_mb: ffmpegUse.peakMb,
        ffmpeg_cpu_s: ffmpegUse.cpuS,
        realtime_factor_per_cpu_s: round(render.durationSeconds / ffmpegUse.cpuS, 1),
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
    const graph = handGraph(mix!);
    const last = /\[(\w+)\]$/.exec(graph)![1]!;
    const watch = watchFfmpegChildren();
    const t0 = performance.now();
    const pass1 = await ffmpegStderr(
      ffmpegArgs(mix!, [
        '-filter_complex',
        `${graph};[${last}]loudnorm=I=-16:TP=-1.5:LRA=11:print_format=json[out]`,
        '-map',
        '[out]',
        '-f',
        'null',
        '-',
      ]),
    );
    const m = JSON.parse(pass1.slice(pass1.lastIndexOf('{'), pass1.lastIndexOf('}') + 1)) as Record<string, string>;
    const handOut = path.join(dir, 'hand.mp3');
    const norm = `loudnorm=I=-16:TP=-1.5:LRA=11:measured_I=${m.input_i}:measured_TP=${m.input_tp}:measured_LRA=${m.input_lra}:measured_thresh=${m.input_thresh}:offset=${m.target_offset}:linear=true,aresample=44100`;
    await ffmpegStderr(
      ffmpegArgs(mix!, [
        '-filter_complex',
        `${graph};[${last}]${norm}[out]`,
        '-map',
        '[out]',
        '-c:a',
        'libmp3lame',
        '-b:a',
        '128k',
        '-ar',
        '44100',
        '-y',
        handOut,
      ]),
    );
    const handWall = (performance.now() - t0) / 1000;
    const handUse = watch.stop();
    const handLoudness = await measureLoudness(handOut);

    return {
      note: 'ours: one episode.render job (single ffmpeg graph levelled from per-source loudness measured at upload, the intro bed ducked by volume automation, + limiter + MP3/ID3 chapters, then ebur128 on the encoded file; corrective pass only on a miss). hand: the same trims, crossfades and ducked bed, loudnorm pass 1 (measure the mix) + pass 2 (linear normalise + encode)',
      input: {
        minutes: Number(values.minutes),
        clips: CLIPS,
        crossfade_s: CROSSFADE,
        clip_levels_lufs: levels.map((l) => round(l, 1)),
        intro_bed: { seconds: BED_SECONDS, lead_s: BED_LEAD, duck_db: 12 },
      },
      ...ours,
      load_average_1m: round(loadavg()[0]!, 1),
      hand_two_pass: {
        wall_s: round(handWall, 2),
        realtime_factor: round(total / handWall, 1),
        peak_rss_mb: handUse.peakMb,
        ffmpeg_cpu_s: handUse.cpuS,
        realtime_factor_per_cpu_s: round(total / handUse.cpuS, 1),
        integrated_lufs: handLoudness.integratedLufs,
        true_peak_dbtp: handLoudness.truePeakDbfs,
      },
      speedup_vs_hand: round(handWall / (ours.wall_s as number), 2),
      cpu_ratio_vs_hand: round(handUse.cpuS / (ours.ffmpeg_cpu_s as number), 2),
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
    child.on('close', (code) =>
      code === 0 ? resolve(err) : reject(new Error(`ffmpeg exited ${code}: ${err.slice(-500)}`)),
    );
  });
}

/** Uploads the bed as the music form does: the title first, then the file. */
async function uploadMusic(
  url: string,
  cookie: string | undefined,
  workspaceId: string,
  file: string,
): Promise<{ id: string }> {
  const form = new FormData();
  form.append('title', 'Intro bed');
  form.append('audio', new Blob([new Uint8Array(readFileSync(file))]), path.basename(file));
  const res = await fetch(`${url}/api/workspaces/${workspaceId}/music`, {
    method: 'POST',
    body: form,
    headers: cookie ? { cookie } : {},
  });
  if (res.status !== 201) throw new Error(`music upload failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string };
}

async function waitForMusic(client: TestClient, id: string): Promise<{ id: string; loudnessLufs: number }> {
  for (;;) {
    const res = await client.get(`/api/music/${id}`);
    if (res.body.status === 'ready') return res.body;
    if (res.body.status === 'failed') throw new Error(`music failed: ${res.body.failureReason}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
