import { execFileSync } from 'node:child_process';

/** A solid picture made by ffmpeg (not by us), as PNG or JPEG bytes, as a person would pick it from their computer. */
export const ffmpegImage = (size: string, format: 'png' | 'mjpeg', color = 'red') =>
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    `color=c=${color}:s=${size}`,
    '-frames:v',
    '1',
    '-f',
    format === 'png' ? 'image2pipe' : 'mjpeg',
    '-c:v',
    format === 'png' ? 'png' : 'mjpeg',
    'pipe:1',
  ]);
