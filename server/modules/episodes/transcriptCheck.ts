import { transcriptRules } from '../../../shared/contracts/publishing';
import { AppError } from '../../errors';
import { formatLimit } from '../../storage/byteLimit';

export interface CheckedTranscript {
  format: 'vtt' | 'srt';
  cues: number;
  /** The text as UTF-8 without a byte-order mark, line endings as they came. */
  text: string;
}

const VTT_TIME = String.raw`(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})`;
const SRT_TIME = String.raw`(\d{2,}):([0-5]\d):([0-5]\d),(\d{3})`;
const vttTiming = new RegExp(`^${VTT_TIME}[ \\t]+-->[ \\t]+${VTT_TIME}(?:[ \\t].*)?$`);
const srtTiming = new RegExp(`^${SRT_TIME}[ \\t]*-->[ \\t]*${SRT_TIME}(?:[ \\t].*)?$`);

const seconds = (h: string | undefined, m: string, s: string, ms: string) =>
  Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s) + Number(ms) / 1000;

const problem = (message: string) =>
  new AppError('validation_failed', message, { fields: [{ path: 'file', message }] });

/**
 * Checks an uploaded transcript is a WebVTT or SubRip file podcast apps can read: UTF-8 text, the format's
 * header or numbering, and cues whose timings are well formed and end after they start. The first problem
 * found is named with its line number.
 */
export function checkTranscript(bytes: Uint8Array): CheckedTranscript {
  if (bytes.byteLength > transcriptRules.maxBytes) {
    throw new AppError(
      'payload_too_large',
      `This transcript is larger than the ${formatLimit(transcriptRules.maxBytes)} limit for transcripts.`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError(
      'unsupported_media_type',
      'The transcript is not UTF-8 text. Save it as a WebVTT (.vtt) or SubRip (.srt) file in UTF-8 and upload it again.',
    );
  }
  text = text.replace(/^\uFEFF/, '');
  const lines = text.split(/\r\n|\r|\n/);
  if (/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? ''))
    return { format: 'vtt', cues: countCues(lines, vttTiming, 'WebVTT', 'hh:mm:ss.ttt --> hh:mm:ss.ttt'), text };
  const firstLine = lines.findIndex((l) => l.trim() !== '');
  if (firstLine >= 0 && /^\d+$/.test(lines[firstLine]!.trim()) && srtTiming.test((lines[firstLine + 1] ?? '').trim())) {
    return { format: 'srt', cues: countCues(lines, srtTiming, 'SubRip', 'hh:mm:ss,ttt --> hh:mm:ss,ttt'), text };
  }
  throw new AppError(
    'unsupported_media_type',
    'This is not a WebVTT or SubRip transcript. A WebVTT file starts with the line WEBVTT; a SubRip file starts with a number and then a timing line such as 00:00:01,000 --> 00:00:04,000.',
  );
}

function countCues(lines: string[], timing: RegExp, name: string, shape: string): number {
  let cues = 0;
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line.includes('-->')) continue;
    const m = timing.exec(line);
    if (!m)
      throw problem(
        `Line ${i + 1} of the ${name} transcript has a timing that is not in the form ${shape}: “${line.slice(0, 60)}”.`,
      );
    const start = seconds(m[1], m[2]!, m[3]!, m[4]!);
    const end = seconds(m[5], m[6]!, m[7]!, m[8]!);
    if (end <= start)
      throw problem(`Line ${i + 1} of the ${name} transcript ends before it starts: “${line.slice(0, 60)}”.`);
    cues++;
  }
  if (cues === 0)
    throw problem(`The ${name} transcript has no cues: add at least one timing line (${shape}) with its text.`);
  return cues;
}
