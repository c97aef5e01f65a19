/**
 * Per-route middlewares: parse and validate the JSON body and the query
 * string with the route's zod schemas. They run after authorization, so a
 * stranger learns nothing from a validation error.
 */
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import {
  BadRequestError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../platform/errors.ts';
import { toFieldErrors } from '../platform/field-errors.ts';
import { PROBLEM } from '../platform/problem-types.ts';
import type { PorticoContext } from './context.ts';
import type { FileBody, SchemaLoader } from './route.ts';

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

/** The body as text (API Gateway base64-encodes what it does not take for text). */
const bodyText = (event: APIGatewayProxyEventV2) =>
  event.isBase64Encoded
    ? Buffer.from(event.body ?? '', 'base64').toString('utf8')
    : (event.body ?? '');

/** Validates a parsed body with the route's schema into `context.body`. */
const validateBody = async (
  schemaOf: () => Promise<z.ZodMiniType>,
  parsed: unknown,
  context: PorticoContext
) => {
  const result = (await schemaOf()).safeParse(parsed, { reportInput: true });
  if (!result.success)
    throw new ValidationError(PROBLEM.validationFailed, toFieldErrors(result.error.issues));
  context.body = result.data;
};

export const parseJsonBody = (
  loadSchema: SchemaLoader
): MiddlewareObj<APIGatewayProxyEventV2, unknown, Error, PorticoContext> => {
  const schemaOf = once(loadSchema);
  return {
    before: async ({ event, context }) => {
      if (!isJsonContentType(event.headers?.['content-type']))
        throw new UnsupportedMediaTypeError(PROBLEM.unsupportedMediaType);
      const raw = bodyText(event);
      if (raw.trim() === '')
        throw new BadRequestError(PROBLEM.invalidJson, 'The request needs a JSON body.');
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        throw new BadRequestError(PROBLEM.invalidJson, 'The body is not valid JSON.');
      }
      await validateBody(schemaOf, parsed, context);
    },
  };
};

export const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';

/**
 * Per-route middleware of a `formBody` route: a form-encoded body becomes an
 * object of its fields (a field sent twice is refused), validated like JSON.
 */
export const parseFormBody = (
  loadSchema: SchemaLoader
): MiddlewareObj<APIGatewayProxyEventV2, unknown, Error, PorticoContext> => {
  const schemaOf = once(loadSchema);
  return {
    before: async ({ event, context }) => {
      if (mediaTypeOf(event.headers?.['content-type']) !== FORM_MEDIA_TYPE)
        throw new UnsupportedMediaTypeError(
          PROBLEM.unsupportedMediaType,
          `Send the body as ${FORM_MEDIA_TYPE}.`
        );
      const fields: Record<string, string> = {};
      for (const [name, value] of new URLSearchParams(bodyText(event))) {
        if (Object.hasOwn(fields, name))
          throw new ValidationError(PROBLEM.validationFailed, [
            { field: name, code: 'duplicate', message: 'Send each field once.' },
          ]);
        fields[name] = value;
      }
      await validateBody(schemaOf, fields, context);
    },
  };
};

const mediaTypeOf = (value: string | undefined) => value?.split(';')[0]?.trim().toLowerCase() ?? '';

/**
 * Per-route middleware of a `fileBody` route: the raw bytes, checked for
 * their media type, size and first bytes, become the route's body.
 */
export const parseFileBody = (
  file: FileBody
): MiddlewareObj<APIGatewayProxyEventV2, unknown, Error, PorticoContext> => ({
  before: ({ event, context }) => {
    if (mediaTypeOf(event.headers?.['content-type']) !== file.mediaType)
      throw new UnsupportedMediaTypeError(
        PROBLEM.unsupportedMediaType,
        `Send the body as ${file.mediaType}.`
      );
    const bytes = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
    if (bytes.length > file.maxBytes)
      throw new PayloadTooLargeError(
        PROBLEM.payloadTooLarge,
        `The file may have at most ${file.maxBytes} bytes.`
      );
    if (!bytes.subarray(0, file.startsWith.length).equals(Buffer.from(file.startsWith)))
      throw new BadRequestError(PROBLEM.fileNotOfType, `The body is not a ${file.description}.`);
    context.body = bytes;
  },
});

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
