import { describe, expect, it } from 'vitest';
import type { Render } from '../../../../shared/contracts/episodes';
import { withLiveNews } from './liveRender';

const stored = (over: Partial<Render>): Render =>
  ({
    id: 'r1',
    episodeId: 'e1',
    status: 'rendering',
    progress: 0.2,
    integratedLufs: null,
    truePeakDbtp: null,
    ...over,
  }) as Render;

describe('withLiveNews', () => {
  it('shows live progress on a render that is still going', () => {
    expect(withLiveNews(stored({}), { status: 'rendering', progress: 0.6 })).toMatchObject({
      status: 'rendering',
      progress: 0.6,
    });
  });

  it('keeps a finished event from claiming a result before the measurements arrive', () => {
    const shown = withLiveNews(stored({}), { status: 'passed', progress: 1 });
    expect(shown).toMatchObject({ status: 'rendering', progress: 1 });
  });

  it('trusts the stored render once it has finished, whatever the events said', () => {
    const done = stored({ status: 'passed', progress: 1, integratedLufs: -16.1, truePeakDbtp: -1.5 });
    expect(withLiveNews(done, { status: 'rendering', progress: 0.5 })).toBe(done);
  });

  it('leaves a render without news as it is', () => {
    const r = stored({ status: 'queued', progress: null });
    expect(withLiveNews(r, undefined)).toBe(r);
  });
});
