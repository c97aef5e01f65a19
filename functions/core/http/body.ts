/**
 * Per-route middlewares: parse and validate the JSON body and the query
 * string with the route's zod schemas. They run after authorization, so a
 * stranger learns nothing from a validation error.
 */
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import { BadRequestError, UnsupportedMediaTypeError, ValidationError } from '../errors.ts';
import { toFieldErrors } from '../field-errors.ts';
import { PROBLEM } from '../problem-types.ts';
import type { PorticoContext } from './context.ts';
import type { SchemaLoader } from './route.ts';

const isJsonContentType = (value: string | undefined) =>
  value !== undefined && /^application\/([\w.+-]+\+)?json(\s*;.*)?$/i.test(value.trim());

/** Loads a route's schema on its first request, then keeps it. */
const once = (load: SchemaLoader) => {
  let schema: Promise<z.ZodMiniType> | undefined;
  return () => {
    schema ??= load();
    return schema;
  };
};

export const parseJsonBody = (
  loadSchema: SchemaLoader
): MiddlewareObj<APIGatewayProxyEventV2, unknown, Error, PorticoContext> => {
  const schemaOf = once(loadSchema);
  return {
    before: async ({ event, context }) => {
      if (!isJsonContentType(event.headers?.['content-type']))
        throw new UnsupportedMediaTypeError(PROBLEM.unsupportedMediaType);
      const raw = event.isBase64Encoded
        ? Buffer.from(event.body ?? '', 'base64').toString('utf8')
        : (event.body ?? '');
      if (raw.trim() === '')
        throw new BadRequestError(PROBLEM.invalidJson, 'The request needs a JSON body.');
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        throw new BadRequestError(PROBLEM.invalidJson, 'The body is not valid JSON.');
      }
      const result = (await schemaOf()).safeParse(parsed, { reportInput: true });
      if (!result.success)
        throw new ValidationError(PROBLEM.validationFailed, toFieldErrors(result.error.issues));
      context.body = result.data;
    },
  };
};

/** Per-route middleware: validates the query string with the route's schema. */
export const parseQuery = (
  loadSchema: SchemaLoader
): MiddlewareObj<APIGatewayProxyEventV2, unknown, Error, PorticoContext> => {
  const schemaOf = once(loadSchema);
  return {
    before: async ({ event, context }) => {
      const result = (await schemaOf()).safeParse(event.queryStringParameters ?? {}, {
        reportInput: true,
      });
      if (!result.success) {
        throw new ValidationError(
          PROBLEM.validationFailed,
          toFieldErrors(result.error.issues),
          'The query string has invalid parameters.'
        );
      }
      context.query = result.data;
    },
  };
};
