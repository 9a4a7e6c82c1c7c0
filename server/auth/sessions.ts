import { parse as parseCookie } from 'cookie';
import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import { isoAfter } from '../clock';
import type { UsersTable } from '../db/schema';
import type { Services } from '../services';
import { newToken, tokenDigest } from './tokens';

export const sessionCookieName = 'chorus_session';
const sessionLifetimeMs = 30 * 24 * 60 * 60 * 1000;

declare module 'express-serve-static-core' {
  interface Request {
    user?: UsersTable;
    sessionId?: string;
  }
}

function cookieOptions(services: Services): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: services.config.publicUrl?.startsWith('https://') ?? false,
    path: '/',
    maxAge: sessionLifetimeMs,
  };
}

/** Starts a server-side session and hands the browser only an opaque token. */
export async function startSession(services: Services, res: Response, userId: string): Promise<void> {
  const token = newToken();
  await services.sessions.create(
    tokenDigest(services.config.sessionSecret, token),
    userId,
    isoAfter(sessionLifetimeMs),
  );
  res.cookie(sessionCookieName, token, cookieOptions(services));
}

export async function endSession(services: Services, req: Request, res: Response): Promise<void> {
  if (req.sessionId) {
    await services.sessions.delete(req.sessionId);
    services.bus.emit('session:ended', req.sessionId);
  }
  res.clearCookie(sessionCookieName, { ...cookieOptions(services), maxAge: undefined });
}

/** The user behind a Cookie header, for HTTP requests and the Socket.IO handshake alike. */
export async function userFromCookieHeader(
  services: Services,
  header: string | undefined,
): Promise<{ user: UsersTable; sessionId: string } | undefined> {
  const token = header ? parseCookie(header)[sessionCookieName] : undefined;
  if (!token || token.length > 200) return undefined;
  const sessionId = tokenDigest(services.config.sessionSecret, token);
  const user = await services.sessions.findUser(sessionId);
  return user && { user, sessionId };
}

export function loadSession(services: Services): RequestHandler {
  return async (req, _res, next) => {
    const found = await userFromCookieHeader(services, req.headers.cookie);
    if (found) {
      req.user = found.user;
      req.sessionId = found.sessionId;
    }
    next();
  };
}
