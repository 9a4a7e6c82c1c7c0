import { z, type ZodType } from 'zod';
import { errorBodySchema, errorStatus, type ErrorCode } from '../../shared/errors';
import type { AnyRouteSpec, StreamRouteDoc, UploadDoc } from './route';

const jsonSchema = (schema: ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any' });

const pathParameterPattern = /([:*])([A-Za-z_][A-Za-z0-9_]*)/g;

/** Express paths become OpenAPI paths: `:param` and the wildcard `*rest` both become `{name}`. */
export const openApiPath = (path: string) => path.replace(pathParameterPattern, '{$2}');

const errorResponse = (description = 'Error: { error: { code, message, fields? } }') => ({
  description,
  content: { 'application/json': { schema: jsonSchema(errorBodySchema, 'output') } },
});

const shapeOf = (schema: ZodType | undefined): Record<string, ZodType> =>
  (schema as unknown as z.ZodObject | undefined)?.shape ?? {};

/**
 * The path's parameters, read from the path Express matches (so none is left out), each with its schema from
 * `params` when the route validates it.
 */
const pathParameters = (path: string, params: ZodType | undefined) =>
  [...path.matchAll(pathParameterPattern)].map(([, kind, name]) => {
    const schema = shapeOf(params)[name!];
    return {
      name,
      in: 'path',
      required: true,
      schema: schema ? jsonSchema(schema, 'input') : { type: 'string' },
      ...(kind === '*' ? { description: 'The rest of the path; it may contain `/`' } : {}),
    };
  });

const queryParameters = (query: ZodType | undefined) =>
  Object.entries(shapeOf(query)).map(([name, schema]) => ({
    name,
    in: 'query',
    required: !schema.safeParse(undefined).success,
    schema: jsonSchema(schema, 'input'),
  }));

/** One response per status, naming the codes that lead to it; every other failure falls under `default`. */
const codedErrors = (codes: readonly ErrorCode[]) => {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(errorStatus[code], [...(byStatus.get(errorStatus[code]) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [String(status), errorResponse(`Error: ${list.join(', ')}`)]),
  );
};

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
    ...(doc.description ? { description: doc.description } : {}),
    tags: [doc.tag],
    security: doc.auth === 'user' ? [{ session: [] }] : [],
    parameters: [
      ...pathParameters(doc.path, doc.params),
      ...queryParameters(doc.query),
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
            '416': errorResponse(
              'range_not_satisfiable: the range lies outside the content (Content-Range: bytes */size)',
            ),
          }
        : {}),
      ...codedErrors(doc.errors ?? []),
      ...Object.fromEntries(
        (doc.errorPages ?? []).map((page) => [
          String(page.status),
          { description: page.description, content: { [page.produces]: { schema: { type: 'string' } } } },
        ]),
      ),
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
      parameters: [...pathParameters(route.path, route.params), ...queryParameters(route.query)],
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
