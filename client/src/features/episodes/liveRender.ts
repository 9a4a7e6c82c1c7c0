import type { Render } from '../../../../shared/contracts/episodes';

/** What a live render event says: how far a render has got. */
export type RenderNews = Pick<Render, 'status' | 'progress'>;

export const renderFinished = (status: Render['status']) =>
  status === 'passed' || status === 'failing' || status === 'failed';

/**
 * A stored render with the live news about it. Live progress counts until the stored render says it has finished
 * (an event may have been missed). A "finished" event carries no loudness measurements, so until the stored render
 * arrives with them (it is reloaded on that event) the render shows as all but done: otherwise the page would say
 * "the loudness could not be measured" for a moment, just before the real result.
 */
export function withLiveNews(render: Render, news: RenderNews | undefined): Render {
  if (renderFinished(render.status) || !news) return render;
  if (renderFinished(news.status)) return { ...render, status: 'rendering', progress: 1 };
  return { ...render, ...news };
}
