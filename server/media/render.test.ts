import { describe, expect, it } from 'vitest';
import { meetsLoudnessTarget } from './loudness';
import { ffmetadata, renderedSeconds, renderGraph } from './render';

const seg = (over: Partial<Parameters<typeof renderGraph>[0][number]> = {}) => ({ input: 'x', inSeconds: 1, outSeconds: 11, gainDb: 0, crossfadeSeconds: 0, ...over });

describe('episode render graph', () => {
  it('trims, levels, crossfades or cuts, then limits, in one graph', () => {
    const graph = renderGraph([seg({ gainDb: 14 }), seg({ gainDb: -4, crossfadeSeconds: 2 }), seg()], -0.5);
    expect(graph.split(';')).toEqual([
      '[0:a:0]atrim=start=1.000:end=11.000,asetpts=PTS-STARTPTS,aresample=44100,aformat=sample_fmts=fltp:channel_layouts=stereo,volume=14.00dB[s0]',
      '[1:a:0]atrim=start=1.000:end=11.000,asetpts=PTS-STARTPTS,aresample=44100,aformat=sample_fmts=fltp:channel_layouts=stereo,volume=-4.00dB[s1]',
      '[2:a:0]atrim=start=1.000:end=11.000,asetpts=PTS-STARTPTS,aresample=44100,aformat=sample_fmts=fltp:channel_layouts=stereo,volume=0.00dB[s2]',
      '[s0][s1]acrossfade=d=2.000:c1=tri:c2=tri[j1]',
      '[j1][s2]concat=n=2:v=0:a=1[j2]',
      '[j2]volume=-0.50dB,alimiter=limit=0.7943:attack=5:release=50:level=0,aresample=44100[out]',
    ]);
  });

  it('is as long as the stretches minus each crossfade', () => {
    expect(renderedSeconds([seg(), seg({ crossfadeSeconds: 2 }), seg({ crossfadeSeconds: 0.5 })])).toBeCloseTo(27.5);
  });

  it('writes chapters and the title as FFMETADATA, escaping = ; # \\ and newlines', () => {
    expect(ffmetadata('A = B; #1', [{ startSeconds: 0, endSeconds: 61.25, title: 'Mary\\Joe\nnext' }])).toBe(
      ';FFMETADATA1\ntitle=A \\= B\\; \\#1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=61250\ntitle=Mary\\\\Joe\\\nnext\n',
    );
  });

  it('passes a render at −16 ±1 LUFS with true peak at most −1 dBTP, and nothing else', () => {
    const m = (integratedLufs: number | null, truePeakDbfs: number | null) => meetsLoudnessTarget({ integratedLufs, truePeakDbfs, loudnessRangeLu: null });
    expect(m(-16, -1)).toBe(true);
    expect(m(-15.1, -3)).toBe(true);
    expect(m(-17.2, -3)).toBe(false);
    expect(m(-16, -0.9)).toBe(false);
    expect(m(null, null)).toBe(false);
  });
});
