import { copyFeedAddressPath } from './copyFeedAddressScript';
import { escapeHtml } from '../../http/escapeHtml';
import { minutesWords, paragraphs, publicPageHtml } from './publicPageLook';
import type { ShowPageData } from './showPageData';
import { subscribeLinks } from './subscribeLinks';

const longDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

/** The show's public "How to listen" page: the show, its episodes with players, and how to follow it. */
export function showPageHtml(d: ShowPageData, nonce: string): string {
  const episodes = d.episodes.length
    ? `<ol class="episodes">
${d.episodes
  .map(
    (e) => `  <li>
    <h3><a href="${escapeHtml(e.pageUrl)}">${escapeHtml(e.title)}</a></h3>
    <p class="meta">Published <time datetime="${e.publishedAt.toISOString()}">${longDate.format(e.publishedAt)}</time> · ${minutesWords(e.durationSeconds)}</p>
    <audio controls preload="none" src="${escapeHtml(e.audioUrl)}" aria-label="Episode audio: ${escapeHtml(e.title)}">
      <a href="${escapeHtml(e.audioUrl)}">Download the episode</a>
    </audio>
  </li>`,
  )
  .join('\n')}
</ol>`
    : '<p>There are no episodes to listen to yet. Follow the podcast and new ones will reach you when they are published.</p>';
  const apps = subscribeLinks(d.feedUrl, d.title)
    .map((l) => `  <li><a href="${escapeHtml(l.href)}">Follow in ${escapeHtml(l.app)}</a></li>`)
    .join('\n');
  return publicPageHtml({
    language: d.language,
    title: `How to listen to ${d.title}`,
    header: d.title,
    skipTo: 'Skip to the episodes',
    nonce,
    head: `<link rel="alternate" type="application/rss+xml" title="${escapeHtml(d.title)}" href="${escapeHtml(d.feedUrl)}">`,
    main: `<h1>${escapeHtml(d.title)}</h1>
${d.artwork ? `<img src="${escapeHtml(d.artwork.url)}" width="${d.artwork.width}" height="${d.artwork.height}" alt="Artwork for ${escapeHtml(d.title)}">` : ''}
${paragraphs(d.description)}
<section aria-labelledby="follow-heading">
  <h2 id="follow-heading">How to listen</h2>
  <p>Play an episode below, or follow the podcast in your podcast app so that new episodes reach you by themselves.</p>
  <ul class="apps">
${apps}
  </ul>
  <h3 id="feed-heading">Any other podcast app</h3>
  <p>The feed address is the podcast’s address for apps: paste it where your app says “add by URL” or “add by address”.</p>
  <p><code id="feed-address" class="feed-address">${escapeHtml(d.feedUrl)}</code></p>
  <p><button type="button" id="copy-feed-address" hidden>Copy the feed address</button></p>
  <p id="copy-status" role="status"></p>
</section>
<section aria-labelledby="episodes-heading">
  <h2 id="episodes-heading">Episodes</h2>
${episodes}
</section>`,
    scripts: `<script src="${copyFeedAddressPath}"></script>`,
  });
}
