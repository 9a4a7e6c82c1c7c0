/**
 * Links that open a podcast app ready to follow a feed, for the show's "How to listen" page. Where each form comes
 * from is in docs/consent-and-publishing.md ("Public pages"); an app that is not installed simply ignores its link,
 * which is why the page also shows the feed address itself.
 */

export interface SubscribeLink {
  app: string;
  href: string;
}

const withoutScheme = (feedUrl: string) => feedUrl.replace(/^https?:\/\//, '');

export function subscribeLinks(feedUrl: string, showTitle: string): SubscribeLink[] {
  const feed = encodeURIComponent(feedUrl);
  return [
    { app: 'Apple Podcasts', href: `podcast://${withoutScheme(feedUrl)}` },
    { app: 'Pocket Casts', href: `pktc://subscribe/${withoutScheme(feedUrl)}` },
    { app: 'Overcast', href: `overcast://x-callback-url/add?url=${feed}` },
    // AntennaPod's own page: it opens the app when installed, and offers it otherwise.
    {
      app: 'AntennaPod',
      href: `https://antennapod.org/deeplink/subscribe?url=${feed}&title=${encodeURIComponent(showTitle)}`,
    },
  ];
}
