import type { AppError } from '../../server/errors';

/** The error code an authorization check refuses with, or `allowed` when it lets the caller through. */
export function refusalCode(check: () => void): string {
  try {
    check();
    return 'allowed';
  } catch (e) {
    return (e as AppError).code;
  }
}
