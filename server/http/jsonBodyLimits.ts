import express, { type RequestHandler } from 'express';
import { AppError } from '../errors';

/** A path whose JSON body may be larger than the API's usual limit, and what to tell someone who sends more. */
export interface JsonBodyLimit {
  path: RegExp;
  maxBytes: number;
  /** The 413's message: what the person can do about it. */
  tooLarge: string;
}

/**
 * Parses the JSON body of the paths listed with their own limit, before the API's usual (smaller) parser, which
 * then leaves the already-parsed body alone. A body over the limit is a 413 with the path's own message.
 */
export function largerJsonBodies(limits: readonly JsonBodyLimit[]): RequestHandler {
  const parsers = limits.map((limit) => ({ ...limit, parse: express.json({ limit: limit.maxBytes, strict: true }) }));
  return (req, res, next) => {
    const path = req.originalUrl.split('?')[0] ?? '';
    const match = parsers.find((p) => p.path.test(path));
    if (!match) return next();
    match.parse(req, res, (err?: unknown) => {
      const tooLarge = (err as { type?: string } | undefined)?.type === 'entity.too.large';
      next(tooLarge ? new AppError('payload_too_large', match.tooLarge) : err);
    });
  };
}
