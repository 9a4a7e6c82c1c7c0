import type { z } from 'zod';
import { healthSchema, openApiDocumentSchema, type Health } from '../../shared/contracts/meta';
import { defineRoute, type Api } from './route';

/**
 * Routes about the server itself. The app mounts them before the session middleware, so a health check never
 * waits on the database.
 */
export function metaRoutes(
  api: Api,
  about: { health: () => Promise<Health>; openApi: () => z.input<typeof openApiDocumentSchema> },
): void {
  const tag = 'meta';
  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/health',
      tag,
      summary: 'The server is up: its version, database and storage kinds (503 while file storage does not answer)',
      auth: 'public',
      response: healthSchema,
      statusOf: (health) => (health.ok ? 200 : 503),
    },
    async () => about.health(),
  );
  defineRoute(
    api,
    {
      method: 'get',
      path: '/api/openapi.json',
      tag,
      summary: 'This document: every route the server answers',
      auth: 'public',
      response: openApiDocumentSchema,
    },
    async () => about.openApi(),
  );
}
