import type { EpisodePageData } from './episodePageData';
import { escapeHtml } from '../../http/escapeHtml';
import { minutesWords, paragraphs, publicPageHtml } from './publicPageLook';

/** 75 → "1:15", 3725 → "1:02:05". */
export function clockTime(seconds: number): string {
  const s = Math.floor(seconds);
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  return h > 0
    ? `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`
    : `${m}:${String(sec).padStart(2, '0')}`;
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1)} MB`;
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const formatNames = { vtt: 'WebVTT', srt: 'SubRip' } as const;

// Chapter buttons move the player and start it; without scripts the times are still listed. Their spoken name
// ("Play from 0:03 Neighbours") is their own words after a hidden "Play from", so it holds the visible words (WCAG 2.5.3).
const script = `
  const audio = document.getElementById('player');
  for (const b of document.querySelectorAll('button[data-seek]')) {
    b.addEventListener('click', () => { audio.currentTime = Number(b.dataset.seek); audio.play(); audio.focus(); });
  }
  const cues = [...document.querySelectorAll('li[data-start]')];
  audio.addEventListener('timeupdate', () => {
    const t = audio.currentTime;
    for (const c of cues) {
      const on = t >= Number(c.dataset.start) && t < Number(c.dataset.end);
      if (on) c.setAttribute('aria-current', 'true'); else c.removeAttribute('aria-current');
    }
  });
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
  const spoken = d.spoken ? spokenSection(d.spoken) : '';
  const credits = d.credits.length
    ? `<section aria-labelledby="credits-heading">
  <h2 id="credits-heading">Credits</h2>
  <ul class="credits">
${d.credits.map((p) => `    <li>${escapeHtml(p.name)}, ${escapeHtml(p.role)}</li>`).join('\n')}
  </ul>
</section>`
    : '';
  return publicPageHtml({
    language: d.language,
    title: `${d.title} · ${d.showTitle}`,
    header: d.showTitle,
    skipTo: 'Skip to the episode',
    nonce,
    head: `<link rel="alternate" type="application/rss+xml" title="${escapeHtml(d.showTitle)}" href="${escapeHtml(d.feedUrl)}">`,
    main: `<article>
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
${spoken}
${d.description.trim() ? `<section aria-labelledby="notes-heading">\n  <h2 id="notes-heading">Show notes</h2>\n${paragraphs(d.description)}\n</section>` : ''}
${chapters}
${transcript}
${credits}
</article>`,
    footer: `<p><a href="${escapeHtml(d.showUrl)}">More episodes, and how to follow ${escapeHtml(d.showTitle)} in a podcast app</a></p>`,
    scripts: `<script nonce="${nonce}">${script}</script>`,
  });
}

/** The transcript assembled from the clips, under the player: each passage with its speaker; the one playing marked. */
function spokenSection(spoken: NonNullable<EpisodePageData['spoken']>): string {
  const note = spoken.incomplete
    ? '\n  <p class="quiet">This transcript is incomplete: some recordings in the episode have not been written down yet.</p>'
    : '';
  const items = spoken.segments
    .map(
      (s) =>
        `    <li data-start="${s.startSeconds}" data-end="${s.endSeconds}"><span class="time">${clockTime(s.startSeconds)}</span> <strong>${escapeHtml(s.speaker)}:</strong> ${escapeHtml(s.text)}</li>`,
    )
    .join('\n');
  return `<section aria-labelledby="transcript-heading">
  <h2 id="transcript-heading">Transcript</h2>${note}
  <ol class="transcript">
${items}
  </ol>
  <p>Download it: <a href="${escapeHtml(spoken.urls.vtt)}" type="text/vtt">captions file (WebVTT)</a>, <a href="${escapeHtml(spoken.urls.srt)}" type="application/x-subrip">SubRip</a>, <a href="${escapeHtml(spoken.urls.json)}" type="application/json">JSON</a>.</p>
</section>`;
}
