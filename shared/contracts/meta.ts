import { z } from 'zod';

/**
 * `GET /api/health`: the server is up, which version it runs and what it stores in. While file storage does not
 * answer, `ok` is false, `storage` is `unavailable` and the status is 503, so a load balancer sends people elsewhere.
 */
export const healthSchema = z.object({
  ok: z.boolean(),
  version: z.string(),
  database: z.enum(['sqlite', 'postgres']),
  storage: z.enum(['disk', 's3', 'unavailable']),
});
export type Health = z.infer<typeof healthSchema>;

/** `GET /api/openapi.json`: an OpenAPI 3.1 document (its operations are not described again here). */
export const openApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  components: z.record(z.string(), z.unknown()),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});
