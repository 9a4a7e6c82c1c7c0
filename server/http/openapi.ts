import { z, type ZodType } from 'zod';
import { errorBodySchema } from '../../shared/errors';
import type { AnyRouteSpec } from './route';

const jsonSchema = (schema: ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any' });

/** Express `:param` paths become OpenAPI `{param}` paths. */
const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');

/** The OpenAPI 3.1 document, generated from the same zod contracts the routes validate with. */
export function buildOpenApiDocument(routes: AnyRouteSpec[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const params = route.params ? Object.keys((route.params as unknown as z.ZodObject).shape ?? {}) : [];
    const status = String(route.status ?? (route.response === null ? 204 : 200));
    (paths[openApiPath(route.path)] ??= {})[route.method] = {
      summary: route.summary,
      tags: [route.tag],
      security: route.auth === 'user' ? [{ session: [] }] : [],
      parameters: params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      ...(route.body && route.method !== 'get' ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } } : {}),
      responses: {
        [status]: route.response === null ? { description: 'Done' } : { description: 'OK', content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } },
        default: { description: 'Error: { error: { code, message, fields? } }', content: { 'application/json': { schema: jsonSchema(errorBodySchema, 'output') } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Chorus API', version },
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'chorus_session' } } },
    paths,
  };
}
