import { AppError } from '../../errors';

/**
 * The answer when an account cannot be made with this email and password: the email has an account and the
 * password is not its password. It never says the email is taken (see docs/api.md, "Sign-up"): it says what a
 * person who has been here before would do next, and a person who has not would check their typing.
 */
export function signUpRefused(next = 'sign in instead'): AppError {
  return new AppError(
    'conflict',
    `We could not make an account with this email address and password. If you have used Chorus before, ${next} ` +
      '(your workspace admin can help if you have forgotten your password). If not, check the email address for typing mistakes.',
  );
}
