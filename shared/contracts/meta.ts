import { z } from 'zod';

/** `GET /api/health`: the server is up, which version it runs and what it stores in. */
export const healthSchema = z.object({
  ok: z.literal(true),
  version: z.string(),
  database: z.enum(['sqlite', 'postgres']),
  storage: z.enum(['disk', 's3']),
});
export type Health = z.infer<typeof healthSchema>;

/** `GET /api/openapi.json`: an OpenAPI 3.1 document (its operations are not described again here). */
export const openApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  components: z.record(z.string(), z.unknown()),
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
});
