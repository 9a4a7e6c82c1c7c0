import type { ChorusModule } from '../chorusModule';
import { liveTranscripts } from '../transcripts/liveTranscripts';
import { forwardQuoteEvents } from './quoteRealtime';
import { redactQuotesOnStrike } from './quoteRedaction';
import { takeOutQuotesOnConsentLoss } from './quoteRemoval';
import { quoteRoutes } from './quoteRoutes';

/** Quotes of carers' words from clip transcripts into documents, and their removal when consent changes. */
export const quotesModule: ChorusModule = {
  name: 'quotes',
  setUp: ({ api, services, collab }) => {
    const transcripts = liveTranscripts(services, collab);
    quoteRoutes(api, { services, collab, transcripts });
    takeOutQuotesOnConsentLoss(services, collab);
    redactQuotesOnStrike(services, collab, transcripts);
    return { attach: (io) => forwardQuoteEvents(io, services.bus) };
  },
};
