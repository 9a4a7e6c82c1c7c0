import { describe, expect, it } from 'vitest';
import { podcastGuidForFeedUrl, uuidV5 } from './podcastGuid';

describe('podcast:guid', () => {
  // The examples published with the Podcasting 2.0 namespace's guid tag.
  it.each([
    ['https://mp3s.nashownotes.com/pc20rss.xml', '917393e3-1b1e-5cef-ace4-edaa54e1f810'],
    ['podnews.net/rss', '9b024349-ccf0-5f69-a609-6b82873eab3c'],
    ['https://podnews.net/rss/', '9b024349-ccf0-5f69-a609-6b82873eab3c'],
    ['http://podnews.net/rss////', '9b024349-ccf0-5f69-a609-6b82873eab3c'],
  ])('%s → %s', (url, guid) => {
    expect(podcastGuidForFeedUrl(url)).toBe(guid);
  });

  it('computes RFC 4122 version 5 UUIDs (the RFC’s DNS example)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});
