import { describe, expect, it } from 'vitest';
import { readPodcastFeed } from '../../../tests/support/podcastFeedReader';
import { creditForRole } from './creditRoles';
import { buildPodcastFeed, chaptersJson, type FeedEpisode, type FeedShow } from './podcastFeed';
import { podcastGuidForFeedUrl } from './podcastGuid';

const feedUrl = 'https://chorus.example.org/feeds/0b6c5f7e-8a1f-4d53-9b7e-2b6f1f0c9a11/podcast.xml';
const show: FeedShow = {
  title: 'Caring Voices & Stories',
  description: 'Older carers, practice experts and researchers talk about <caring>.',
  link: 'https://chorus.example.org/shows/caring-voices',
  feedUrl,
  guid: podcastGuidForFeedUrl(feedUrl),
  language: 'en-gb',
  imageUrl: 'https://chorus.example.org/art.jpg',
  category: { name: 'Health & Fitness', sub: 'Mental Health' },
  explicit: false,
  author: 'Caring Voices team',
  owner: { name: 'Ann Admin', email: 'ann@example.org' },
  type: 'episodic',
  copyright: '© 2026 Caring Voices',
};
const episode: FeedEpisode = {
  guid: 'c0ffee00-0000-4000-8000-000000000001',
  title: 'Episode 1: "Nobody asked me" — carers on being heard',
  description: '<p>Three carers tell their stories. Chapters: <b>Mary</b>, <b>Joe</b>.</p>',
  link: 'https://chorus.example.org/episodes/1',
  pubDate: new Date('2026-11-20T10:00:00Z'),
  enclosure: { url: 'https://chorus.example.org/feeds/x/episodes/1.mp3', lengthBytes: 12_345_678, type: 'audio/mpeg' },
  durationSeconds: 1834.4,
  episodeNumber: 1,
  season: 1,
  episodeType: 'full',
  chaptersUrl: 'https://chorus.example.org/feeds/x/episodes/1/chapters.json',
  transcripts: [{ url: 'https://chorus.example.org/feeds/x/episodes/1.vtt', type: 'text/vtt', language: 'en-gb' }],
  persons: [
    { name: 'Mary O’Brien', ...creditForRole.carer },
    { name: 'Dr Priya Shah', ...creditForRole.expert },
    { name: 'Eddie Editor', ...creditForRole.editor },
  ],
};

describe('the podcast feed', () => {
  const xml = buildPodcastFeed(show, [episode]);

  it('parses cleanly in an independent parser, with Apple’s required tags present', () => {
    const f = readPodcastFeed(xml);
    expect(f.wellFormed).toBe(true);
    expect(f.format).toBe('rss 2.0');
    expect(f).toMatchObject({
      title: 'Caring Voices & Stories',
      language: 'en-gb',
      imageUrl: 'https://chorus.example.org/art.jpg',
      itunes: { author: 'Caring Voices team', ownerEmail: 'ann@example.org', explicit: 'false', type: 'episodic' },
      podcastGuid: show.guid,
    });
    // feed-parser names a nested iTunes category by its path.
    expect(f.categories).toEqual(['Health & Fitness/Mental Health']);
    expect(f.items).toHaveLength(1);
    const [e] = f.items;
    expect(e).toMatchObject({
      title: episode.title,
      id: episode.guid,
      published: new Date('2026-11-20T10:00:00Z'),
      itunes: { duration: '00:30:34', episode: '1', season: '1', episodeType: 'full' },
      enclosures: [{ url: episode.enclosure.url, length: 12_345_678, type: 'audio/mpeg' }],
    });
    expect(e!.content).toContain('<b>Mary</b>');
    expect(xml).toContain('<itunes:author>Caring Voices team</itunes:author>');
  });

  it('carries the Podcasting 2.0 tags: guid, chapters, transcript and a person per contributor', () => {
    expect(xml).toContain(`<podcast:guid>${podcastGuidForFeedUrl(feedUrl)}</podcast:guid>`);
    expect(xml).toContain(
      '<podcast:chapters url="https://chorus.example.org/feeds/x/episodes/1/chapters.json" type="application/json+chapters"/>',
    );
    expect(xml).toContain(
      '<podcast:transcript url="https://chorus.example.org/feeds/x/episodes/1.vtt" type="text/vtt" language="en-gb"/>',
    );
    expect(xml).toContain('<podcast:person group="cast" role="guest">Mary O’Brien</podcast:person>');
    expect(xml).toContain('<podcast:person group="writing" role="co-writer">Dr Priya Shah</podcast:person>');
    expect(xml).toContain(
      '<podcast:person group="audio post-production" role="audio editor">Eddie Editor</podcast:person>',
    );
    const [item] = readPodcastFeed(xml).items;
    expect(item!.chapters).toEqual({ url: episode.chaptersUrl, type: 'application/json+chapters' });
    expect(item!.transcripts).toEqual(episode.transcripts);
    expect(item!.persons).toEqual([
      ['cast', 'guest', 'Mary O’Brien'],
      ['writing', 'co-writer', 'Dr Priya Shah'],
      ['audio post-production', 'audio editor', 'Eddie Editor'],
    ]);
  });

  it('escapes what people write', () => {
    expect(xml).toContain('talk about &lt;caring&gt;.');
    expect(buildPodcastFeed({ ...show, title: 'A ]]> B & <C>' }, [])).toContain(
      '<title>A ]]&gt; B &amp; &lt;C&gt;</title>',
    );
    const tricky = buildPodcastFeed(show, [{ ...episode, description: 'ends with ]]> inside' }]);
    expect(readPodcastFeed(tricky).items[0]!.description).toContain('ends with ]]> inside');
  });

  it('sorts chapters in the JSON chapters format', () => {
    expect(
      chaptersJson([
        { startTime: 60, title: 'Joe' },
        { startTime: 0, title: 'Mary' },
      ]),
    ).toEqual({
      version: '1.2.0',
      chapters: [
        { startTime: 0, title: 'Mary' },
        { startTime: 60, title: 'Joe' },
      ],
    });
  });
});
