import { create } from 'xmlbuilder2';

export interface FeedPerson {
  name: string;
  group: string;
  role: string;
  href?: string;
  img?: string;
}

export interface FeedShow {
  title: string;
  description: string;
  /** The show's web page. */
  link: string;
  /** The feed's own address; its `podcast:guid` and `atom:link rel=self` come from it. */
  feedUrl: string;
  guid: string;
  language: string;
  imageUrl: string;
  /** Apple category and optional subcategory, e.g. { name: 'Health & Fitness', sub: 'Mental Health' }. */
  category: { name: string; sub?: string };
  explicit: boolean;
  author: string;
  owner: { name: string; email: string };
  type: 'episodic' | 'serial';
  copyright?: string;
  locked?: boolean;
}

export interface FeedEpisode {
  guid: string;
  title: string;
  /** Show notes; may hold simple HTML. */
  description: string;
  link: string;
  pubDate: Date;
  enclosure: { url: string; lengthBytes: number; type: string };
  durationSeconds: number;
  episodeNumber?: number;
  season?: number;
  episodeType: 'full' | 'trailer' | 'bonus';
  imageUrl?: string;
  explicit?: boolean;
  chaptersUrl?: string;
  /** One `podcast:transcript` per file; `rel: 'captions'` marks a file with timings. */
  transcripts?: Array<{ url: string; type: string; language?: string; rel?: 'captions' }>;
  persons: FeedPerson[];
}

const namespaces = {
  'xmlns:itunes': 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  'xmlns:podcast': 'https://podcastindex.org/namespace/1.0',
  'xmlns:atom': 'http://www.w3.org/2005/Atom',
  'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
};

const hms = (seconds: number) => {
  const s = Math.round(seconds);
  return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
};

/** Strips tags for the plain-text fields Apple shows as text. */
const plain = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * RSS 2.0 with Apple's required and recommended tags and the Podcasting 2.0 namespace.
 * xmlbuilder2 does the escaping, so titles and notes written by people cannot break the XML.
 */
export function buildPodcastFeed(show: FeedShow, episodes: FeedEpisode[]): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele('rss', { version: '2.0', ...namespaces });
  const channel = doc.ele('channel');
  channel.ele('atom:link', { href: show.feedUrl, rel: 'self', type: 'application/rss+xml' }).up();
  channel.ele('title').txt(show.title).up();
  channel.ele('description').txt(show.description).up();
  channel.ele('link').txt(show.link).up();
  channel.ele('language').txt(show.language).up();
  if (show.copyright) channel.ele('copyright').txt(show.copyright).up();
  channel.ele('generator').txt('Chorus').up();
  channel.ele('itunes:image', { href: show.imageUrl }).up();
  const category = channel.ele('itunes:category', { text: show.category.name });
  if (show.category.sub) category.ele('itunes:category', { text: show.category.sub }).up();
  channel.ele('itunes:explicit').txt(String(show.explicit)).up();
  channel.ele('itunes:author').txt(show.author).up();
  channel
    .ele('itunes:owner')
    .ele('itunes:name')
    .txt(show.owner.name)
    .up()
    .ele('itunes:email')
    .txt(show.owner.email)
    .up()
    .up();
  channel.ele('itunes:type').txt(show.type).up();
  channel.ele('podcast:guid').txt(show.guid).up();
  channel
    .ele('podcast:locked', { owner: show.owner.email })
    .txt(show.locked === false ? 'no' : 'yes')
    .up();
  channel.ele('podcast:medium').txt('podcast').up();
  const latest = episodes.reduce<Date | undefined>((d, e) => (!d || e.pubDate > d ? e.pubDate : d), undefined);
  if (latest) channel.ele('lastBuildDate').txt(latest.toUTCString()).up();

  for (const e of episodes) {
    const item = channel.ele('item');
    item.ele('title').txt(e.title).up();
    item.ele('itunes:title').txt(e.title).up();
    item.ele('description').txt(e.description).up();
    item.ele('content:encoded').txt(e.description).up();
    item.ele('itunes:summary').txt(plain(e.description)).up();
    item.ele('link').txt(e.link).up();
    item.ele('guid', { isPermaLink: 'false' }).txt(e.guid).up();
    item.ele('pubDate').txt(e.pubDate.toUTCString()).up();
    item
      .ele('enclosure', { url: e.enclosure.url, length: String(e.enclosure.lengthBytes), type: e.enclosure.type })
      .up();
    item.ele('itunes:duration').txt(hms(e.durationSeconds)).up();
    item.ele('itunes:episodeType').txt(e.episodeType).up();
    if (e.episodeNumber !== undefined) item.ele('itunes:episode').txt(String(e.episodeNumber)).up();
    if (e.season !== undefined) item.ele('itunes:season').txt(String(e.season)).up();
    if (e.imageUrl) item.ele('itunes:image', { href: e.imageUrl }).up();
    item
      .ele('itunes:explicit')
      .txt(String(e.explicit ?? show.explicit))
      .up();
    if (e.chaptersUrl) item.ele('podcast:chapters', { url: e.chaptersUrl, type: 'application/json+chapters' }).up();
    for (const { url, type, language, rel } of e.transcripts ?? [])
      item.ele('podcast:transcript', { url, type, ...(language ? { language } : {}), ...(rel ? { rel } : {}) }).up();
    for (const p of e.persons) {
      item
        .ele('podcast:person', {
          group: p.group,
          role: p.role,
          ...(p.href ? { href: p.href } : {}),
          ...(p.img ? { img: p.img } : {}),
        })
        .txt(p.name)
        .up();
    }
  }
  return doc.end({ prettyPrint: true });
}

export interface Chapter {
  startTime: number;
  title: string;
  endTime?: number;
}

/** The Podcasting 2.0 JSON chapters file served beside the feed. */
export function chaptersJson(chapters: Chapter[]): { version: '1.2.0'; chapters: Chapter[] } {
  return { version: '1.2.0', chapters: [...chapters].sort((a, b) => a.startTime - b.startTime) };
}
