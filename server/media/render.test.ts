import { describe, expect, it } from 'vitest';
import { meetsLoudnessTarget } from './loudness';
import {
  duckExpression,
  ffmetadata,
  renderedSeconds,
  renderGraph,
  renderInputs,
  type RenderBed,
  type RenderSegment,
} from './render';

const seg = (over: Partial<RenderSegment> = {}): RenderSegment => ({
  input: 'x',
  inSeconds: 1,
  outSeconds: 11,
  gainDb: 0,
  crossfadeSeconds: 0,
  ...over,
});

describe('episode render graph', () => {
  it('trims, levels, crossfades or cuts, then limits, in one graph', () => {
    const graph = renderGraph(
      { segments: [seg({ gainDb: 14 }), seg({ gainDb: -4, crossfadeSeconds: 2 }), seg()], beds: [], speech: [] },
      -0.5,
    );
    expect(graph.split(';')).toEqual([
      '[0:a:0]atrim=start=1.000:end=11.000,asetpts=PTS-STARTPTS,aresample=44100,aformat=sample_fmts=fltp:channel_layouts=stereo,volume=14.00dB[s0]',
      '[1:a:0]atrim=start=1.000:end=11.000,asetpts=PTS-STARTPTS,aresample=44100,aformat=sample_fmts=fltp:channel_layouts=stereo,volume=-4.00dB[s1]',
      '[2:a:0]atrim=start=1.000:end=11.000,asetpts=PTS-STARTPTS,aresample=44100,aformat=sample_fmts=fltp:channel_layouts=stereo,volume=0.00dB[s2]',
      '[s0][s1]acrossfade=d=2.000:c1=tri:c2=tri[j1]',
      '[j1][s2]concat=n=2:v=0:a=1[j2]',
      '[j2]volume=0.00dB,alimiter=limit=0.7943:attack=5:release=50:level=0,aresample=44100[out]',
    ]);
  });

  it('plays a bed lead as silence, and mixes a bed levelled, faded, ducked and delayed under the sequence', () => {
    const bed: RenderBed = {
      input: 'bed',
      inSeconds: 2,
      durationSeconds: 30,
      startSeconds: 10,
      gainDb: -3,
      fadeSeconds: 1,
      duckDb: 12,
    };
    const mix = {
      segments: [
        seg({ input: 'intro', outSeconds: 11 }),
        seg({ input: null, inSeconds: 0, outSeconds: 5 }),
        seg({ input: 'clip' }),
      ],
      beds: [bed],
      speech: [{ startSeconds: 15, endSeconds: 25 }],
    };
    expect(renderInputs(mix)).toEqual(['intro', 'clip', 'bed']);
    const graph = renderGraph(mix).split(';');
    expect(graph[1]).toBe(
      'anullsrc=r=44100:cl=stereo,atrim=duration=5.000,asetpts=PTS-STARTPTS,aresample=44100,aformat=sample_fmts=fltp:channel_layouts=stereo,volume=0.00dB[s1]',
    );
    expect(graph[2]).toMatch(/^\[1:a:0\]atrim=start=1\.000:end=11\.000,/);
    expect(graph[5]).toBe(
      '[2:a:0]atrim=start=2.000:end=32.000,asetpts=PTS-STARTPTS,aresample=44100,aformat=sample_fmts=fltp:channel_layouts=stereo,volume=-3.00dB,' +
        'afade=t=in:d=1.000,afade=t=out:st=29.000:d=1.000,asetnsamples=n=512,' +
        "volume=eval=frame:volume='pow(10,-0.6000*(clip(min((t-4.500)/0.5,(15.500-t)/0.5),0,1)))',adelay=delays=10000:all=1[b0]",
    );
    expect(graph[6]).toBe('[j2][b0]amix=inputs=2:duration=first:dropout_transition=0:normalize=0[mix]');
    expect(graph[7]).toMatch(/^\[mix\]volume=0\.50dB,alimiter=/);
  });

  it('ducks only under speech the bed overlaps, joining spans closer than two ramps', () => {
    const bed = { startSeconds: 100, durationSeconds: 60, duckDb: 6 };
    expect(
      duckExpression(bed, [
        { startSeconds: 0, endSeconds: 99 },
        { startSeconds: 170, endSeconds: 200 },
      ]),
    ).toBeNull();
    expect(
      duckExpression(bed, [
        { startSeconds: 0, endSeconds: 110 },
        { startSeconds: 110.8, endSeconds: 120 },
        { startSeconds: 150, endSeconds: 200 },
      ]),
    ).toBe(
      'pow(10,-0.3000*(clip(min((t+100.500)/0.5,(20.500-t)/0.5),0,1)+clip(min((t-49.500)/0.5,(100.500-t)/0.5),0,1)))',
    );
    expect(duckExpression({ ...bed, duckDb: 0 }, [{ startSeconds: 100, endSeconds: 110 }])).toBeNull();
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
    const m = (integratedLufs: number | null, truePeakDbfs: number | null) =>
      meetsLoudnessTarget({ integratedLufs, truePeakDbfs, loudnessRangeLu: null });
    expect(m(-16, -1)).toBe(true);
    expect(m(-15.1, -3)).toBe(true);
    expect(m(-17.2, -3)).toBe(false);
    expect(m(-16, -0.9)).toBe(false);
    expect(m(null, null)).toBe(false);
  });
});
