/**
 * Recognises an audio container from its first bytes (magic numbers), so a renamed text file or image is
 * refused before anything is stored. The name and the browser's claimed type are never trusted.
 */
export type AudioFormat = 'wav' | 'mp3' | 'aac' | 'mp4' | 'ogg' | 'webm' | 'flac';

/** Enough bytes for every check below. */
export const SNIFF_BYTES = 12;

export const audioContentTypes: Record<AudioFormat, string> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  aac: 'audio/aac',
  mp4: 'audio/mp4',
  ogg: 'audio/ogg',
  webm: 'audio/webm',
  flac: 'audio/flac',
};

const ascii = (head: Uint8Array, offset: number, text: string) =>
  head.length >= offset + text.length && [...text].every((c, i) => head[offset + i] === c.charCodeAt(0));

export function sniffAudioFormat(head: Uint8Array): AudioFormat | null {
  // RIFF/RF64/BW64 … WAVE
  if ((ascii(head, 0, 'RIFF') || ascii(head, 0, 'RF64') || ascii(head, 0, 'BW64')) && ascii(head, 8, 'WAVE'))
    return 'wav';
  if (ascii(head, 0, 'ID3')) return 'mp3'; // an ID3v2 tag in front of MPEG audio
  if (ascii(head, 0, 'fLaC')) return 'flac';
  if (ascii(head, 0, 'OggS')) return 'ogg';
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return 'webm'; // EBML (WebM, Matroska)
  if (ascii(head, 4, 'ftyp')) return 'mp4'; // ISO media: M4A, MP4, 3GP voice memos
  const b0 = head[0];
  const b1 = head[1];
  if (b0 === 0xff && b1 !== undefined && (b1 & 0xe0) === 0xe0) {
    // An MPEG audio frame header: 11 sync bits, then version and layer. Layer bits 00 mean AAC in ADTS.
    const version = (b1 >> 3) & 0b11;
    const layer = (b1 >> 1) & 0b11;
    if (layer === 0 && (b1 & 0xf6) === 0xf0) return 'aac';
    if (layer !== 0 && version !== 0b01) return 'mp3';
  }
  return null;
}
