/**
 * Builds the OpenAPI 3.1 document from the route table, so the published
 * contract can never drift from the routes the API actually serves.
 */
import * as z from 'zod';
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
} from 'zod-openapi';
import { FORM_MEDIA_TYPE } from '../functions/core/http/body.ts';
import type { FileBody } from '../functions/core/http/route.ts';
import { RESPONSES } from '../functions/responses.ts';
import {
  type AuthorizerKind,
  authorizerOf,
  ROUTES,
  type RouteDefinition,
} from '../functions/routes.ts';
import { INFO, SECURITY_SCHEMES, SERVERS, TAGS } from './openapi-info.ts';
import {
  errorResponses,
  hasBodyVersion,
  idempotencyHeader,
  ifMatchHeader,
  pathParameters,
  successHeaders,
} from './openapi-responses.ts';

/** A raw file body (OpenAPI 3.1: the bytes themselves, of one media type). */
const fileRequestBody = (file: FileBody) => ({
  required: true,
  description: `The ${file.description} itself, at most ${file.maxBytes} bytes.`,
  content: {
    [file.mediaType]: { schema: z.string().max(file.maxBytes).meta({ format: 'binary' }) },
  },
});

interface LoadedSchemas {
  body?: z.core.$ZodType;
  form?: z.core.$ZodType;
  /** Query schemas are objects of parameters. */
  query?: z.core.$ZodType<unknown, Record<string, unknown>>;
}

/** Per authorizer: public routes need no token, staff routes a staff pool token. */
const SECURITY_OF: Record<AuthorizerKind, Pick<ZodOpenApiOperationObject, 'security'>> = {
  none: { security: [] },
  client: {},
  staff: { security: [{ cognitoStaff: [] }] },
};

const operation = (route: RouteDefinition, loaded: LoadedSchemas): ZodOpenApiOperationObject => {
  const path = pathParameters(route.path);
  const schema = RESPONSES[route.id as keyof typeof RESPONSES];
  const area =
    route.access.kind === 'member'
      ? route.access.primaryOnly
        ? ' Primary login only.'
        : ` Permission area: \`${route.access.area}\`.`
      : route.access.kind === 'self'
        ? ' Any active member of the account, on its own contact only.'
        : '';
  return {
    operationId: route.id,
    summary: route.summary,
    description: `Access: ${route.access.kind}.${area}`,
    tags: [route.function],
    // Who may call it, read by portals to build menus from the document alone.
    'x-portico-access': route.access,
    ...SECURITY_OF[authorizerOf(route.access)],
    ...(path || loaded.query || route.idempotencyKey || route.ifMatch
      ? {
          requestParams: {
            ...(path ? { path } : {}),
            ...(loaded.query ? { query: loaded.query } : {}),
            ...(route.idempotencyKey || route.ifMatch
              ? {
                  header: z.object({
                    ...(route.idempotencyKey ? idempotencyHeader.shape : {}),
                    ...(route.ifMatch ? ifMatchHeader.shape : {}),
                  }),
                }
              : {}),
          },
        }
      : {}),
    ...(loaded.body
      ? {
          requestBody: { required: true, content: { 'application/json': { schema: loaded.body } } },
        }
      : {}),
    ...(route.fileBody ? { requestBody: fileRequestBody(route.fileBody) } : {}),
    ...(loaded.form
      ? { requestBody: { required: true, content: { [FORM_MEDIA_TYPE]: { schema: loaded.form } } } }
      : {}),
    responses: {
      [String(route.success.status)]: {
        description: route.success.description,
        ...successHeaders(route, route.success.status),
        ...(schema ? { content: { 'application/json': { schema } } } : {}),
      },
      ...(route.repeatSuccess
        ? {
            [String(route.repeatSuccess.status)]: {
              description: route.repeatSuccess.description,
              ...successHeaders(route, route.repeatSuccess.status),
              ...(schema ? { content: { 'application/json': { schema } } } : {}),
            },
          }
        : {}),
      ...errorResponses(route, hasBodyVersion(loaded.body)),
    },
  };
};

export const buildOpenApiDocument = async () => {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of ROUTES as readonly RouteDefinition[]) {
    const loaded = {
      body: await route.body?.(),
      form: await route.formBody?.(),
      query: (await route.query?.()) as LoadedSchemas['query'],
    };
    paths[route.path] = {
      ...paths[route.path],
      [route.method.toLowerCase()]: operation(route, loaded),
    };
  }
  return createDocument(
    {
      openapi: '3.1.0',
      info: INFO,
      servers: SERVERS,
      tags: TAGS,
      components: { securitySchemes: SECURITY_SCHEMES },
      security: [{ cognito: [] }],
      paths,
    },
    { override: integerFormat }
  );
};

/**
 * Every integer says its size: int32 when its bounds fit, int64 (whole
 * numbers JSON carries exactly, up to 2^53 - 1) otherwise.
 */
const integerFormat = ({ jsonSchema }: { jsonSchema: Record<string, unknown> }) => {
  if (jsonSchema.type !== 'integer' || jsonSchema.format !== undefined) return;
  const low = Number(jsonSchema.minimum ?? jsonSchema.exclusiveMinimum ?? Number.MIN_SAFE_INTEGER);
  const high = Number(jsonSchema.maximum ?? jsonSchema.exclusiveMaximum ?? Number.MAX_SAFE_INTEGER);
  jsonSchema.format = low >= -(2 ** 31) && high <= 2 ** 31 - 1 ? 'int32' : 'int64';
};

export const renderOpenApiDocument = async () =>
  `${JSON.stringify(await buildOpenApiDocument(), null, 2)}\n`;
