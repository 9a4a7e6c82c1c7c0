import type { Page } from 'playwright-core';
import type { SweepWorld, Who } from './sweepWorld';

/** One page in one state, as one person sees it. */
export interface State {
  name: string;
  who: Who;
  path: (w: SweepWorld) => string;
  /** Waits until the page shows what this state is about. */
  ready: (page: Page) => Promise<void>;
  /** What happens elsewhere before the page is opened (over HTTP), such as a clip being withdrawn. */
  prepare?: (w: SweepWorld) => Promise<void>;
  /** Something a person does before the checks; returns what it was, for the focus check after it. */
  act?: (page: Page) => Promise<string>;
}

export const heading = (name: string | RegExp) => (page: Page) =>
  page.getByRole('heading', { level: 1, name }).waitFor();
