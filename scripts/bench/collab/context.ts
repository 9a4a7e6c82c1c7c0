import type { ServerProcess } from '../../../tests/support/collabProcess';
import type { Tally } from './client';
import type { ApiSession } from './process';

/** What a scenario is given: the running instances, a signed-up session, and where clients record what they saw. */
export interface RunContext {
  servers: ServerProcess[];
  api: ApiSession;
  tally: Tally;
  /**
   * Clients apply what they receive and the run ends with the durability check (convergence, a restart on the
   * same data, lost writes). On with several instances and for `burst`; off keeps the one-instance figures as they were.
   */
  checked: boolean;
}
