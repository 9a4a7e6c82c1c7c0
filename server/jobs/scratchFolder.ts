import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Runs `work` in a scratch folder of its own under `{dataDir}/tmp/` (ffprobe and ffmpeg need real files they
 * can seek in) and removes the folder afterwards, whether `work` succeeds or throws.
 *
 * The folder is named after the job (`{kind}-job-{jobId}`) and emptied before use, so a try that died mid-way
 * (SIGKILL, power cut) leaves nothing behind once the same job runs again.
 */
export async function withScratchFolder<T>(
  dataDir: string,
  kind: string,
  jobId: string,
  work: (dir: string) => Promise<T>,
): Promise<T> {
  const dir = path.join(dataDir, 'tmp', `${kind}-job-${jobId}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
