/** EBU R128 figures from the summary ffmpeg's `ebur128` filter logs when it finishes. */
export interface LoudnessSummary {
  /** Integrated loudness in LUFS; null when the audio never rose above the gate (silence). */
  integratedLufs: number | null;
  loudnessRangeLu: number | null;
  /** True peak in dBTP (ffmpeg prints "dBFS"); null for digital silence. */
  truePeakDbfs: number | null;
}

const number = (text: string | undefined): number | null => {
  if (text === undefined || /inf|nan/i.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
};

/**
 * Reads the LAST "Summary:" block in ffmpeg's log lines: when ffmpeg configures its filter graph twice
 * (it may, on the first frame) an instance that saw no audio prints an empty summary first.
 */
export function parseEbur128Summary(lines: string[]): LoudnessSummary | null {
  const start = lines.findLastIndex((l) => /\bSummary:\s*$/.test(l));
  if (start === -1) return null;
  let integrated: string | undefined;
  let range: string | undefined;
  let peak: string | undefined;
  for (const line of lines.slice(start + 1)) {
    const m = /^\s*(I|LRA|Peak):\s*(\S+)\s*(LUFS|LU|dBFS)\s*$/.exec(line);
    if (!m) continue;
    if (m[1] === 'I') integrated ??= m[2];
    if (m[1] === 'LRA') range ??= m[2];
    if (m[1] === 'Peak') peak ??= m[2];
  }
  const integratedLufs = number(integrated);
  return {
    // ebur128 reports -70 LUFS (its absolute gate) for audio that never reaches it.
    integratedLufs: integratedLufs !== null && integratedLufs <= -70 ? null : integratedLufs,
    loudnessRangeLu: number(range),
    truePeakDbfs: number(peak),
  };
}
