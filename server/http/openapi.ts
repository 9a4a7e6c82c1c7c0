import { z, type ZodType } from 'zod';
import { errorBodySchema } from '../../shared/errors';
import type { AnyRouteSpec, StreamRouteDoc, UploadDoc } from './route';

const jsonSchema = (schema: ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any' });

/** Express `:param` paths become OpenAPI `{param}` paths. */
const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');

const errorResponse = () => ({
  description: 'Error: { error: { code, message, fields? } }',
  content: { 'application/json': { schema: jsonSchema(errorBodySchema, 'output') } },
});

const pathParameters = (params: ZodType | undefined) =>
  (params ? Object.keys((params as unknown as z.ZodObject).shape ?? {}) : []).map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));

function uploadBody(upload: UploadDoc) {
  if ('binary' in upload) {
    return {
      required: true,
      description: upload.binary.description,
      content: {
        [upload.binary.contentType]: { schema: { type: 'string', contentMediaType: upload.binary.contentType } },
      },
    };
  }
  const { fields, fileField, fileTypes } = upload.multipart;
  const schema = jsonSchema(fields, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return {
    required: true,
    content: {
      'multipart/form-data': {
        // Multipart parts arrive in order: the text fields are listed first because the server checks them before storing the file.
        schema: {
          ...schema,
          properties: {
            ...schema.properties,
            [fileField]: { type: 'string', contentMediaType: 'application/octet-stream', description: fileTypes },
          },
          required: [...(schema.required ?? []), fileField],
        },
        encoding: { [fileField]: { contentType: fileTypes } },
      },
    },
  };
}

function streamOperation(doc: StreamRouteDoc) {
  const content = Object.fromEntries(
    doc.produces.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }]),
  );
  return {
    summary: doc.summary,
    tags: [doc.tag],
    security: doc.auth === 'user' ? [{ session: [] }] : [],
    parameters: [
      ...pathParameters(doc.params),
      ...(doc.ranges
        ? [
            {
              name: 'Range',
              in: 'header',
              required: false,
              schema: { type: 'string' },
              description: 'One byte range, e.g. bytes=0-1023',
            },
          ]
        : []),
    ],
    responses: {
      '200': { description: 'The whole content', content },
      ...(doc.ranges
        ? {
            '206': { description: 'The requested range (Content-Range says which)', content },
            '416': { description: 'The range lies outside the content' },
          }
        : {}),
      default: errorResponse(),
    },
  };
}

/** The OpenAPI 3.1 document, generated from the same zod contracts the routes validate with. */
export function buildOpenApiDocument(routes: AnyRouteSpec[], version: string, streamRoutes: StreamRouteDoc[] = []) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const status = String(route.status ?? (route.response === null ? 204 : 200));
    const requestBody = route.upload
      ? uploadBody(route.upload)
      : route.body && route.method !== 'get'
        ? { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } }
        : undefined;
    (paths[openApiPath(route.path)] ??= {})[route.method] = {
      summary: route.summary,
      tags: [route.tag],
      security: route.auth === 'user' ? [{ session: [] }] : [],
      parameters: pathParameters(route.params),
      ...(requestBody ? { requestBody } : {}),
      responses: {
        [status]:
          route.response === null
            ? { description: 'Done' }
            : { description: 'OK', content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } },
        default: errorResponse(),
      },
    };
  }
  for (const doc of streamRoutes) (paths[openApiPath(doc.path)] ??= {})[doc.method] = streamOperation(doc);
  return {
    openapi: '3.1.0',
    info: { title: 'Chorus API', version },
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'chorus_session' } } },
    paths,
  };
}
