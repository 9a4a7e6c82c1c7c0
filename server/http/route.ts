import { Router, type Request, type Response } from 'express';
import { z, type ZodType } from 'zod';
import type { ErrorCode } from '../../shared/errors';
import type { UsersTable } from '../db/schema';
import { AppError } from '../errors';
import { parseOrThrow } from './validate';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteSpec<P extends ZodType, B extends ZodType, Q extends ZodType, R extends ZodType | null> {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  /** `user`: a signed-in person is required (401 otherwise); `optional`: req.user may be absent. */
  auth: 'user' | 'public' | 'optional';
  params?: P;
  body?: B;
  query?: Q;
  status?: number;
  /** Picks the status from the reply instead (a health check answering 503 while a part is down); `status` is what the OpenAPI document lists. */
  statusOf?: (reply: R extends ZodType ? z.output<R> : never) => number;
  /** Shapes the reply: fields not in the schema never leave the server. Null for an empty (204) reply. */
  response: R;
  /** A body that is not JSON, which the handler reads itself (streamed uploads); described in the OpenAPI document. */
  upload?: UploadDoc;
}

/** A multipart form (`fields` then the file in `fileField`) or a raw binary body of `contentType`. */
export type UploadDoc =
  | { multipart: { fields: ZodType; fileField: string; fileTypes: string } }
  | { binary: { contentType: string; description: string } };

/**
 * A route that answers with bytes (audio, pictures, feeds, pages) rather than JSON, as the OpenAPI document shows it.
 * Its path parameters are read from `path` (`:name`, or `*name` for a rest of the path that may hold slashes).
 */
export interface StreamRouteDoc {
  method: 'get';
  path: string;
  summary: string;
  /** More than the summary holds: what the caller must know (e.g. that a signed link is the permission). */
  description?: string;
  tag: string;
  /** `user`: a session is required; `public`: anyone, no session and no cookie needed. */
  auth: 'user' | 'public';
  params?: ZodType;
  /** Query parameters it reads. */
  query?: ZodType;
  /** Content types it may answer with. */
  produces: string[];
  /** Honours `Range` (206 Partial Content, 416 when out of bounds). */
  ranges?: boolean;
  /** The coded JSON errors it answers with (the document lists each status with its codes). */
  errors?: readonly ErrorCode[];
  /** Errors answered with a page for a person instead of JSON (someone followed a link). */
  errorPages?: { status: number; description: string; produces: string }[];
}

export interface RouteInput<P, B, Q> {
  req: Request;
  res: Response;
  params: P;
  body: B;
  query: Q;
}
type Handler<P, B, Q, U, Out> = (input: RouteInput<P, B, Q> & { user: U }) => Promise<Out>;

export type AnyRouteSpec = RouteSpec<ZodType, ZodType, ZodType, ZodType | null>;

/** A router that remembers every route defined on it, so the OpenAPI document cannot drift from the routes. */
export class Api {
  readonly router = Router();
  readonly routes: AnyRouteSpec[] = [];
  readonly streamRoutes: StreamRouteDoc[] = [];
}

/**
 * Registers a plain Express handler that streams bytes, with its description for the OpenAPI document. The
 * handler does its own checks (session, params, policy) as every route must.
 */
export function defineStreamRoute(
  api: Api,
  doc: StreamRouteDoc,
  handler: (req: Request, res: Response) => Promise<void>,
): void {
  api.streamRoutes.push(doc);
  api.router.get(doc.path, handler);
}

const empty = z.object({});

/**
 * One route: auth → validate → handler → shape the reply. The handler holds no checks a schema can do.
 * Express 5 forwards rejected promises to the error middleware.
 */
export function defineRoute<
  P extends ZodType = typeof empty,
  B extends ZodType = typeof empty,
  Q extends ZodType = typeof empty,
  R extends ZodType | null = null,
  A extends RouteSpec<P, B, Q, R>['auth'] = 'user',
>(
  api: Api,
  spec: RouteSpec<P, B, Q, R> & { auth: A },
  handler: Handler<
    z.output<P>,
    z.output<B>,
    z.output<Q>,
    A extends 'user' ? UsersTable : UsersTable | undefined,
    R extends ZodType ? z.input<R> : void
  >,
): void {
  api.routes.push(spec as unknown as AnyRouteSpec);
  api.router[spec.method](spec.path, async (req: Request, res: Response) => {
    if (spec.auth === 'user' && !req.user) {
      throw new AppError('unauthenticated', 'Please sign in to continue.');
    }
    const params = parseOrThrow(spec.params ?? empty, req.params, 'path');
    const query = parseOrThrow(spec.query ?? empty, req.query ?? {}, 'query');
    const body =
      spec.method === 'get' || (spec.method === 'delete' && !spec.body)
        ? {}
        : parseOrThrow(spec.body ?? z.strictObject({}), req.body ?? {}, 'body');
    const out = await handler({ req, res, params, body, query, user: req.user as never } as never);
    if (spec.response === null) {
      res.status(spec.status ?? 204).end();
      return;
    }
    const reply = spec.response.parse(out);
    res.status(spec.statusOf?.(reply as never) ?? spec.status ?? 200).json(reply);
  });
}
