import type { EpisodePageData } from './episodePageData';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Show notes may hold simple HTML (for podcast apps); on our page they are shown as plain paragraphs. */
const paragraphs = (notes: string) =>
  notes
    .replace(/<\/(p|div|li|h\d)>|<br\s*\/?>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');

/** 75 → "1:15", 3725 → "1:02:05". */
export function clockTime(seconds: number): string {
  const s = Math.floor(seconds);
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  return h > 0
    ? `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`
    : `${m}:${String(sec).padStart(2, '0')}`;
}

/** 1834 → "31 minutes", 40 → "1 minute". */
const minutesWords = (seconds: number) => {
  const m = Math.max(1, Math.round(seconds / 60));
  return `${m} minute${m === 1 ? '' : 's'}`;
};

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const formatNames = { vtt: 'WebVTT', srt: 'SubRip' } as const;

const styles = `
  :root { color-scheme: light; --ink: #0b0c0c; --muted: #505a5f; --line: #b1b4b6; --link: #1d70b8; --focus: #ffdd00; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 1.1875rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: #fff; }
  .skip { position: absolute; left: -9999px; } .skip:focus { position: static; display: block; padding: .5rem 1rem; background: var(--focus); }
  header, main, footer { max-width: 42rem; margin: 0 auto; padding: 1rem 1.25rem; }
  header { border-bottom: 1px solid var(--line); } .show { margin: 0; font-weight: 700; }
  h1 { font-size: 2rem; line-height: 1.2; margin: .5rem 0; } h2 { font-size: 1.5rem; margin: 2rem 0 .5rem; }
  .meta { color: var(--muted); margin: 0 0 1rem; }
  img { display: block; width: 100%; max-width: 20rem; height: auto; border-radius: .25rem; }
  audio { width: 100%; margin: .5rem 0; }
  a { color: var(--link); } a:focus, button:focus, audio:focus { outline: 3px solid var(--focus); outline-offset: 0; box-shadow: 0 0 0 6px var(--ink); }
  ol.chapters { list-style: none; padding: 0; } ol.chapters li { margin: .5rem 0; }
  button { font: inherit; min-height: 2.75rem; padding: .25rem .75rem; border: 2px solid var(--ink); border-radius: .25rem; background: #f3f2f1; color: var(--ink); cursor: pointer; }
  .hidden { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  button .time { font-variant-numeric: tabular-nums; font-weight: 700; margin-right: .5rem; }
  ul.credits { padding-left: 1.25rem; } footer { border-top: 1px solid var(--line); color: var(--muted); }
`;

// Chapter buttons move the player and start it; without scripts the times are still listed. Their spoken name
// ("Play from 0:03 Neighbours") is their own words after a hidden "Play from", so it holds the visible words (WCAG 2.5.3).
const script = `
  const audio = document.getElementById('player');
  for (const b of document.querySelectorAll('button[data-seek]')) {
    b.addEventListener('click', () => { audio.currentTime = Number(b.dataset.seek); audio.play(); audio.focus(); });
  }
`;

/** The public page of a published episode: semantic HTML, a native player, chapters that seek, credits. */
export function episodePageHtml(d: EpisodePageData, nonce: string): string {
  const numbering = [
    d.season !== null ? `Season ${d.season}` : '',
    d.number !== null ? `Episode ${d.number}` : '',
    d.type !== 'full' ? capitalised(d.type) : '',
  ].filter(Boolean);
  const published = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(d.publishedAt);
  const meta = [
    ...numbering,
    `Published <time datetime="${d.publishedAt.toISOString()}">${published}</time>`,
    minutesWords(d.durationSeconds),
  ].join(' · ');
  const chapters = d.chapters.length
    ? `<section aria-labelledby="chapters-heading">
  <h2 id="chapters-heading">Chapters</h2>
  <ol class="chapters">
${d.chapters.map((c) => `    <li><button type="button" data-seek="${c.startTime}"><span class="hidden">Play from </span><span class="time">${clockTime(c.startTime)}</span> ${escapeHtml(c.title)}</button></li>`).join('\n')}
  </ol>
</section>`
    : '';
  const transcript = d.transcript
    ? `<section aria-labelledby="transcript-heading">
  <h2 id="transcript-heading">Transcript</h2>
  <p><a href="${escapeHtml(d.transcript.url)}" type="${d.transcript.type}">Read the transcript</a> (${formatNames[d.transcript.format]} file with timings).</p>
</section>`
    : '';
  const credits = d.credits.length
    ? `<section aria-labelledby="credits-heading">
  <h2 id="credits-heading">Credits</h2>
  <ul class="credits">
${d.credits.map((p) => `    <li>${escapeHtml(p.name)}, ${escapeHtml(p.role)}</li>`).join('\n')}
  </ul>
</section>`
    : '';
  return `<!doctype html>
<html lang="${escapeHtml(d.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(d.title)} · ${escapeHtml(d.showTitle)}</title>
<link rel="alternate" type="application/rss+xml" title="${escapeHtml(d.showTitle)}" href="${escapeHtml(d.feedUrl)}">
<style nonce="${nonce}">${styles}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the episode</a>
<header><p class="show">${escapeHtml(d.showTitle)}</p></header>
<main id="main">
<article>
<h1>${escapeHtml(d.title)}</h1>
<p class="meta">${meta}</p>
${d.artwork ? `<img src="${escapeHtml(d.artwork.url)}" width="${d.artwork.width}" height="${d.artwork.height}" alt="Artwork for ${escapeHtml(d.title)}">` : ''}
<section aria-labelledby="listen-heading">
  <h2 id="listen-heading">Listen</h2>
  <audio id="player" controls preload="metadata" src="${escapeHtml(d.audio.url)}" aria-label="Episode audio: ${escapeHtml(d.title)}">
    <a href="${escapeHtml(d.audio.url)}">Download the episode</a>
  </audio>
  <p><a href="${escapeHtml(d.audio.url)}" download>Download the episode</a> (MP3, ${megabytes(d.audio.sizeBytes)})</p>
</section>
${d.description.trim() ? `<section aria-labelledby="notes-heading">\n  <h2 id="notes-heading">Show notes</h2>\n${paragraphs(d.description)}\n</section>` : ''}
${chapters}
${transcript}
${credits}
</article>
</main>
<footer><p><a href="${escapeHtml(d.feedUrl)}">Follow the podcast with its feed (RSS)</a></p></footer>
<script nonce="${nonce}">${script}</script>
</body>
</html>
`;
}
