// Processing speed: a 30-minute recording (generated with ffmpeg: looped speech over pink noise) uploaded
// to a real server in this process, timed from the job starting to the clip being ready.
// `--minutes N` changes the length; `--format wav|mp3|m4a|flac` the upload's format (default wav).
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchChorus } from './benchServer';
import { ffmpeg, makeLongWav } from '../../tests/support/audio';
import { signedUp } from '../../tests/support/httpClient';
import { uploadClipStream } from './multipartUpload';
import { round } from './stats';

const codecs: Record<string, string[]> = {
  mp3: ['-c:a', 'libmp3lame', '-b:a', '128k'],
  m4a: ['-c:a', 'aac', '-b:a', '128k'],
  flac: ['-c:a', 'flac'],
};

export async function run(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { minutes: { type: 'string', default: '30' }, format: { type: 'string', default: 'wav' } },
  });
  const seconds = Number(values.minutes) * 60;
  const dir = await mkdtemp(path.join(tmpdir(), 'chorus-bench-process-'));
  try {
    let file = await makeLongWav(dir, seconds);
    if (values.format !== 'wav') {
      const encoded = path.join(dir, `long.${values.format}`);
      await ffmpeg(['-i', file, ...(codecs[values.format] ?? []), encoded]);
      file = encoded;
    }
    const chorus = await benchChorus(dir, { MAX_UPLOAD_BYTES: String(4 * 1024 ** 3) });
    const url = await chorus.listen();
    try {
      const person = (await signedUp(url, 'Bench')).client;
      const wsId = (await person.post('/api/workspaces', { name: 'Bench' })).body.id;
      let started = 0;
      const done = new Promise<{ status: string; error: string | null }>((resolve) =>
        chorus.services.bus.on('job:updated', (u) => {
          if (u.type !== 'clip.process') return;
          if (u.status === 'running' && !started) started = performance.now();
          if (u.status === 'succeeded' || u.status === 'failed') resolve({ status: u.status, error: u.error });
        }),
      );
      const sent = await uploadClipStream(url, person.cookie ?? '', wsId, {
        name: path.basename(file),
        size: (await stat(file)).size,
        chunks: createReadStream(file),
      });
      if (sent.status !== 201) throw new Error(`upload failed: ${sent.body}`);
      const uploaded = { body: JSON.parse(sent.body) as { id: string } };
      const outcome = await done;
      const elapsed = (performance.now() - started) / 1000;
      if (outcome.status !== 'succeeded') throw new Error(`processing failed: ${outcome.error}`);
      const clip = (await person.get(`/api/clips/${uploaded.body.id}`)).body;
      return {
        note: 'one clip.process job: copy original to a temp file, ffprobe, one ffmpeg decode (ebur128 + AAC listening copy + peaks), store results',
        input: {
          format: values.format,
          minutes: Number(values.minutes),
          mb: round((await stat(file)).size / 1024 ** 2, 1),
        },
        processing_seconds: round(elapsed, 2),
        realtime_factor: round(seconds / elapsed, 1),
        measured: {
          durationSeconds: clip.media.durationSeconds,
          loudnessLufs: clip.media.loudnessLufs,
          truePeakDbfs: clip.media.truePeakDbfs,
        },
      };
    } finally {
      await chorus.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
