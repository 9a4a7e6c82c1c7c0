import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
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
  transcript: { url: 'https://chorus.example.org/feeds/x/episodes/1.vtt', type: 'text/vtt', language: 'en-gb' },
  persons: [
    { name: 'Mary O’Brien', ...creditForRole.carer },
    { name: 'Dr Priya Shah', ...creditForRole.expert },
    { name: 'Eddie Editor', ...creditForRole.editor },
  ],
};

/** Reads the feed the way podcast apps' parsers do: Debian's python3-feedparser, not our own code. */
function parseWithFeedparser(xml: string) {
  const script = `
import sys, json, feedparser
d = feedparser.parse(sys.stdin.read())
f, e = d.feed, d.entries[0]
print(json.dumps({
  "bozo": bool(d.bozo), "version": d.version,
  "title": f.title, "language": f.language, "image": f.image.href, "author": f.author,
  "owner": f.publisher_detail.get("email"), "explicit": f.itunes_explicit, "category": [t.term for t in f.tags],
  "podcast_guid": f.get("podcast_guid"), "type": f.get("itunes_type"),
  "e_title": e.title, "e_guid": e.id, "e_enclosure": [(l.href, l.length, l.type) for l in e.links if l.rel == "enclosure"],
  "e_duration": e.itunes_duration, "e_episode": e.itunes_episode, "e_season": e.itunes_season,
  "e_type": e.itunes_episodetype, "e_published": e.published, "e_summary": e.summary, "e_content": e.content[0].value,
}))`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script], { input: xml }).toString());
}

describe('the podcast feed', () => {
  const xml = buildPodcastFeed(show, [episode]);

  it('parses cleanly in an independent parser, with Apple’s required tags present', () => {
    const f = parseWithFeedparser(xml);
    expect(f.bozo).toBe(false);
    expect(f.version).toBe('rss20');
    expect(f).toMatchObject({
      title: 'Caring Voices & Stories',
      language: 'en-gb',
      image: 'https://chorus.example.org/art.jpg',
      // feedparser reports itunes:owner's name as the author; itunes:author is checked in the XML below.
      owner: 'ann@example.org',
      type: 'episodic',
      podcast_guid: show.guid,
      e_title: episode.title,
      e_guid: episode.guid,
      e_duration: '00:30:34',
      e_episode: '1',
      e_season: '1',
      e_type: 'full',
      e_published: 'Fri, 20 Nov 2026 10:00:00 GMT',
    });
    expect(f.category).toEqual(expect.arrayContaining(['Health & Fitness', 'Mental Health']));
    expect(f.e_enclosure).toEqual([[episode.enclosure.url, '12345678', 'audio/mpeg']]);
    expect(f.e_content).toContain('<b>Mary</b>');
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
  });

  it('escapes what people write', () => {
    expect(xml).toContain('talk about &lt;caring&gt;.');
    expect(buildPodcastFeed({ ...show, title: 'A ]]> B & <C>' }, [])).toContain(
      '<title>A ]]&gt; B &amp; &lt;C&gt;</title>',
    );
    const tricky = buildPodcastFeed(show, [{ ...episode, description: 'ends with ]]> inside' }]);
    expect(parseWithFeedparser(tricky).e_summary).toContain('ends with ]]> inside');
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
