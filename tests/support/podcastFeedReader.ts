import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const namespaces = {
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  podcast: 'https://podcastindex.org/namespace/1.0',
};

type Element = Record<string, unknown>;

/** A podcast feed as an app sees it; every field read by code that is not ours. */
export interface ReadPodcastFeed {
  /** The XML parses without a single error (what Python's feedparser called `bozo`, inverted). */
  wellFormed: boolean;
  format: string;
  title: string | null;
  language: string | null;
  imageUrl: string | null;
  categories: string[];
  itunes: { author?: string; ownerName?: string; ownerEmail?: string; explicit?: string; type?: string };
  podcastGuid?: string;
  items: ReadPodcastItem[];
}

export interface ReadPodcastItem {
  id: string | null;
  title: string | null;
  url: string | null;
  published: Date | null;
  description: string | null;
  content: string | null;
  imageUrl: string | null;
  enclosures: Array<{ url: string; length: number | null; type: string | null }>;
  itunes: { duration?: string; episode?: string; season?: string; episodeType?: string };
  /** The first `podcast:transcript`. */
  transcript?: Record<string, string>;
  /** Every `podcast:transcript`, in order. */
  transcripts: Record<string, string>[];
  chapters?: Record<string, string>;
  /** Every podcast:person in order, as [group, role, name]. */
  persons: Array<[string | undefined, string | undefined, string]>;
}

/**
 * Reads a podcast feed the way podcast apps do, with parsers that are not ours: @rowanmanning/feed-parser (lenient,
 * tested against real feeds) for RSS and what it knows of iTunes (title, language, artwork, categories, items,
 * enclosures, dates, content), and fast-xml-parser for the tags it does not read (the rest of itunes:*, podcast:*),
 * found by their namespace URI, not by whatever prefix the feed happens to use.
 */
export function readPodcastFeed(xml: string): ReadPodcastFeed {
  const feed = parseFeed(xml);
  const rss = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    isArray: (name) =>
      name === 'item' || name.endsWith(':person') || name.endsWith(':category') || name.endsWith(':transcript'),
  }).parse(xml).rss as Element;
  const tag = prefixesOf(rss);
  const channel = rss.channel as Element;
  const rawItems = (channel.item as Element[] | undefined) ?? [];
  const owner = channel[tag.itunes('owner')] as Element | undefined;
  if (rawItems.length !== feed.items.length)
    throw new Error(`feed-parser read ${feed.items.length} items where the XML has ${rawItems.length}`);
  return {
    wellFormed: XMLValidator.validate(xml) === true,
    format: `${feed.meta.type} ${feed.meta.version}`,
    title: feed.title,
    language: feed.language,
    imageUrl: feed.image?.url ?? null,
    categories: feed.categories.map((c) => c.term),
    itunes: {
      author: text(channel[tag.itunes('author')]),
      ownerName: text(owner?.[tag.itunes('name')]),
      ownerEmail: text(owner?.[tag.itunes('email')]),
      explicit: text(channel[tag.itunes('explicit')]),
      type: text(channel[tag.itunes('type')]),
    },
    podcastGuid: text(channel[tag.podcast('guid')]),
    items: feed.items.map((item, i) => {
      const raw = rawItems[i] ?? {};
      return {
        id: item.id,
        title: item.title,
        url: item.url,
        published: item.published,
        description: item.description,
        content: item.content,
        imageUrl: item.image?.url ?? null,
        enclosures: item.media.map((m) => ({ url: m.url, length: m.length, type: m.mimeType })),
        itunes: {
          duration: text(raw[tag.itunes('duration')]),
          episode: text(raw[tag.itunes('episode')]),
          season: text(raw[tag.itunes('season')]),
          episodeType: text(raw[tag.itunes('episodeType')]),
        },
        transcript: attributes((raw[tag.podcast('transcript')] as unknown[] | undefined)?.[0]),
        transcripts: ((raw[tag.podcast('transcript')] as unknown[] | undefined) ?? []).map((t) => attributes(t) ?? {}),
        chapters: attributes(raw[tag.podcast('chapters')]),
        persons: ((raw[tag.podcast('person')] as unknown[] | undefined) ?? []).map((p) => {
          const a = attributes(p) ?? {};
          return [a.group, a.role, text(p) ?? ''];
        }),
      };
    }),
  };
}

/** Tag names for each namespace, with the prefix this feed declared on <rss> for its URI. */
function prefixesOf(rss: Element) {
  const prefixFor = (uri: string) => {
    const declared = Object.keys(rss).find((k) => k.startsWith('@xmlns:') && rss[k] === uri);
    if (!declared) throw new Error(`The feed does not declare the namespace ${uri}`);
    return declared.slice('@xmlns:'.length);
  };
  const itunes = prefixFor(namespaces.itunes);
  const podcast = prefixFor(namespaces.podcast);
  return { itunes: (name: string) => `${itunes}:${name}`, podcast: (name: string) => `${podcast}:${name}` };
}

function text(node: unknown): string | undefined {
  if (node === undefined || node === null) return undefined;
  if (typeof node === 'object') return text((node as Element)['#text']);
  return String(node);
}

function attributes(node: unknown): Record<string, string> | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const entries = Object.entries(node as Element).filter(([k]) => k.startsWith('@'));
  return Object.fromEntries(entries.map(([k, v]) => [k.slice(1), String(v)]));
}
