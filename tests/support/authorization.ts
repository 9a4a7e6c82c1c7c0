import type { AppError } from '../../server/errors';

/** What an authorization check decided: 'allowed', or the code of the AppError it threw. */
export function outcomeOf(check: () => void): string {
  try {
    check();
    return 'allowed';
  } catch (e) {
    return (e as AppError).code;
  }
}
