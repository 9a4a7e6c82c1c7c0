import type { Request } from 'express';
import { ipKeyGenerator, rateLimit, type RateLimitRequestHandler, type Store } from 'express-rate-limit';
import { AppError } from '../errors';

export interface LoginRateLimitOptions {
  windowMs: number;
  /** Attempts per address and email within the window. */
  perAccount: number;
  /** Attempts per address within the window, whatever the email. */
  perAddress: number;
  /**
   * Where counts are kept: in this process unless given. With several instances, one store shared through Redis
   * (see `redisRateLimitStore`), or a guesser spreading attempts over the instances gets the limit once per instance.
   */
  store?: (prefix: string) => Store;
}

export const defaultLoginRateLimit: LoginRateLimitOptions = {
  windowMs: 15 * 60 * 1000,
  perAccount: 10,
  perAddress: 50,
};

const emailOf = (req: Request) =>
  typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase().slice(0, 254) : '';

/**
 * Slows password guessing: a few tries per account from one address, more per address overall.
 * Successful sign-ins do not count.
 */
export const loginRateLimiters = (o: LoginRateLimitOptions): RateLimitRequestHandler[] =>
  authRateLimiters(o, {
    prefix: 'login',
    countSuccesses: false,
    tooMany: 'Too many sign-in attempts',
  });

/**
 * Sign-up has the same limits, counted apart: every attempt counts, made or refused, since each one tells
 * whether an email has an account (see docs/api.md) and each success is a new account.
 */
export const signUpRateLimiters = (o: LoginRateLimitOptions): RateLimitRequestHandler[] =>
  authRateLimiters(o, {
    prefix: 'signup',
    countSuccesses: true,
    tooMany: 'Too many attempts to make an account from here',
  });

/**
 * Asking for the password again on a signed-in page (deleting the account) has the same limits, counted apart,
 * so a borrowed session cannot be used to guess the password.
 */
export const passwordCheckRateLimiters = (o: LoginRateLimitOptions): RateLimitRequestHandler[] =>
  authRateLimiters(o, {
    prefix: 'password-check',
    countSuccesses: false,
    tooMany: 'Too many wrong passwords',
    // Counted per signed-in person (the body has no email), so people behind one address do not share a count.
    accountOf: (req) => req.user?.id ?? '',
  });

function authRateLimiters(
  o: LoginRateLimitOptions,
  kind: { prefix: string; countSuccesses: boolean; tooMany: string; accountOf?: (req: Request) => string },
): RateLimitRequestHandler[] {
  const accountOf = kind.accountOf ?? emailOf;
  const refuse = (minutes: number) => (_req: Request, _res: unknown, next: (e: AppError) => void) =>
    next(
      new AppError(
        'rate_limited',
        `${kind.tooMany}. Please wait ${minutes} minutes and try again, or ask your workspace admin for help.`,
      ),
    );
  const minutes = Math.ceil(o.windowMs / 60_000);
  const common = {
    windowMs: o.windowMs,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: !kind.countSuccesses,
    handler: refuse(minutes),
  } as const;
  return [
    rateLimit({
      ...common,
      ...(o.store ? { store: o.store(`chorus:${kind.prefix}:ip:`) } : {}),
      limit: o.perAddress,
      keyGenerator: (req) => `ip:${ipKeyGenerator(req.ip ?? '')}`,
    }),
    rateLimit({
      ...common,
      ...(o.store ? { store: o.store(`chorus:${kind.prefix}:acct:`) } : {}),
      limit: o.perAccount,
      keyGenerator: (req) => `acct:${ipKeyGenerator(req.ip ?? '')}:${accountOf(req)}`,
    }),
  ];
}
