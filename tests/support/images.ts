import { execFileSync } from 'node:child_process';

/** A solid picture made by ffmpeg (not by us), as PNG, JPEG or WebP bytes, as a person would pick it from their computer. */
export const ffmpegImage = (size: string, format: 'png' | 'mjpeg' | 'webp' | 'webp-lossless', color = 'red') =>
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    `color=c=${color}:s=${size}`,
    '-frames:v',
    '1',
    ...(format === 'webp' || format === 'webp-lossless'
      ? ['-c:v', 'libwebp', '-lossless', format === 'webp' ? '0' : '1', '-f', 'webp']
      : ['-f', format === 'png' ? 'image2pipe' : 'mjpeg', '-c:v', format === 'png' ? 'png' : 'mjpeg']),
    'pipe:1',
  ]);
