import { execFile } from 'node:child_process';

/** Longest a conversion may take (a 10 MB picture takes well under a second). */
const FFMPEG_TIMEOUT_MS = 60_000;

/**
 * A WebP picture as PNG, converted by ffmpeg (a start prerequisite of Chorus): for formats that take no WebP, such
 * as Word's. Lossless, so nothing of the picture is lost on the way.
 */
export function pngOfWebp(webp: Uint8Array): Promise<Buffer> {
  const args = [
    '-v',
    'error',
    '-f',
    'webp_pipe',
    '-i',
    'pipe:0',
    '-frames:v',
    '1',
    '-c:v',
    'png',
    '-f',
    'image2pipe',
    'pipe:1',
  ];
  return new Promise((resolve, reject) => {
    const child = execFile(
      'ffmpeg',
      args,
      { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024, timeout: FFMPEG_TIMEOUT_MS },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        reject(
          new Error(
            `ffmpeg could not convert a WebP picture for Word: ${stderr.toString('utf8').trim() || error.message}`,
          ),
        );
      },
    );
    child.stdin!.end(Buffer.from(webp));
  });
}
