import type { EpisodeTranscriptFormat } from '../../../shared/contracts/episodes';

/**
 * An episode transcript as files podcast apps read: WebVTT (speakers as `<v Name>` voice spans), SubRip, and
 * the Podcasting 2.0 JSON transcript (`{ version: '1.0.0', segments: [{ speaker, startTime, endTime, body }] }`,
 * podcastindex.org's transcript specification).
 */
export interface SpokenSegment {
  startSeconds: number;
  endSeconds: number;
  text: string;
  speaker: string;
}

/** A caption line holds at most this many characters (about what a player shows across). */
export const maxLineLength = 65;
/** A cue holds at most two lines; a longer segment becomes several cues. */
const linesPerCue = 2;

/** Words into lines of at most `width` characters (a single longer word gets a line of its own). */
export function wrapLines(text: string, width = maxLineLength): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A segment as caption cues of at most two lines each, its time shared by their length in characters. */
export function cuesOf(segment: SpokenSegment): Array<SpokenSegment & { lines: string[] }> {
  const lines = wrapLines(segment.text);
  const groups: string[][] = [];
  for (let i = 0; i < lines.length; i += linesPerCue) groups.push(lines.slice(i, i + linesPerCue));
  const total = groups.reduce((n, g) => n + g.join(' ').length, 0) || 1;
  const span = segment.endSeconds - segment.startSeconds;
  let at = segment.startSeconds;
  return groups.map((g, i) => {
    const end = i === groups.length - 1 ? segment.endSeconds : at + (span * g.join(' ').length) / total;
    const cue = { ...segment, startSeconds: at, endSeconds: end, text: g.join(' '), lines: g };
    at = end;
    return cue;
  });
}

const clock = (seconds: number, separator: '.' | ',') => {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}${separator}${pad(ms % 1000, 3)}`;
};

const vttEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** A voice span's annotation ends at `>` and cannot hold a line break. */
const voiceName = (s: string) => vttEscape(s.replace(/[\r\n]+/g, ' '));

export function toWebVtt(segments: readonly SpokenSegment[]): string {
  const cues = segments.flatMap(cuesOf).map((c, i) => {
    const body = `<v ${voiceName(c.speaker)}>${c.lines.map(vttEscape).join('\n')}</v>`;
    return `${i + 1}\n${clock(c.startSeconds, '.')} --> ${clock(c.endSeconds, '.')}\n${body}`;
  });
  return ['WEBVTT', ...cues].join('\n\n') + '\n';
}

export function toSubRip(segments: readonly SpokenSegment[]): string {
  return segments
    .flatMap(cuesOf)
    .map((c, i) => {
      const [first = '', ...rest] = c.lines;
      const text = [`${c.speaker.replace(/[\r\n]+/g, ' ')}: ${first}`, ...rest].join('\n');
      return `${i + 1}\n${clock(c.startSeconds, ',')} --> ${clock(c.endSeconds, ',')}\n${text}\n`;
    })
    .join('\n');
}

export function toPodcastJson(segments: readonly SpokenSegment[]) {
  return {
    version: '1.0.0' as const,
    segments: segments.map((s) => ({
      speaker: s.speaker,
      startTime: s.startSeconds,
      endTime: s.endSeconds,
      body: s.text,
    })),
  };
}

export function episodeTranscriptFile(format: EpisodeTranscriptFormat, segments: readonly SpokenSegment[]): string {
  if (format === 'vtt') return toWebVtt(segments);
  if (format === 'srt') return toSubRip(segments);
  return JSON.stringify(toPodcastJson(segments));
}
