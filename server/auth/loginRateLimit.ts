import type { Request } from 'express';
import { ipKeyGenerator, rateLimit, type RateLimitRequestHandler } from 'express-rate-limit';
import { AppError } from '../errors';

export interface LoginRateLimitOptions {
  windowMs: number;
  /** Attempts per address and email within the window. */
  perAccount: number;
  /** Attempts per address within the window, whatever the email. */
  perAddress: number;
}

export const defaultLoginRateLimit: LoginRateLimitOptions = { windowMs: 15 * 60 * 1000, perAccount: 10, perAddress: 50 };

const emailOf = (req: Request) => (typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase().slice(0, 254) : '');

/**
 * Slows password guessing: a few tries per account from one address, more per address overall.
 * Successful sign-ins do not count. In-memory per instance; a Redis store is the multi-instance follow-up.
 */
export function loginRateLimiters(o: LoginRateLimitOptions): RateLimitRequestHandler[] {
  const refuse = (minutes: number) => (_req: Request, _res: unknown, next: (e: AppError) => void) =>
    next(new AppError('rate_limited', `Too many sign-in attempts. Please wait ${minutes} minutes and try again, or ask your workspace admin for help.`));
  const minutes = Math.ceil(o.windowMs / 60_000);
  const common = { windowMs: o.windowMs, standardHeaders: 'draft-8', legacyHeaders: false, skipSuccessfulRequests: true, handler: refuse(minutes) } as const;
  return [
    rateLimit({ ...common, limit: o.perAddress, keyGenerator: (req) => `ip:${ipKeyGenerator(req.ip ?? '')}` }),
    rateLimit({ ...common, limit: o.perAccount, keyGenerator: (req) => `acct:${ipKeyGenerator(req.ip ?? '')}:${emailOf(req)}` }),
  ];
}
