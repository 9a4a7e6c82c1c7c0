/** A podcast show's settings as tests fill them in; each test overrides what it is about. */
export const showSettings = (overrides: Record<string, unknown> = {}) => ({
  title: 'Caring Voices',
  description: 'Older carers tell their stories.',
  language: 'en-GB',
  category: 'Health & Fitness',
  explicit: false,
  author: 'Caring Voices team',
  ownerName: 'Ada Admin',
  ownerEmail: 'ada@example.org',
  ...overrides,
});
