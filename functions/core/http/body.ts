/**
 * Per-route middleware: parses the JSON body and validates it with the
 * route's zod schema. Runs after authorization, so a stranger learns nothing
 * from a validation error.
 */
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { ZodType, z } from 'zod';
import {
  BadRequestError,
  type FieldError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../errors.ts';
import type { PorticoContext } from './context.ts';

const isJsonContentType = (value: string | undefined) =>
  value !== undefined && /^application\/([\w.+-]+\+)?json(\s*;.*)?$/i.test(value.trim());

export const toFieldErrors = (issues: readonly z.core.$ZodIssue[]): FieldError[] =>
  issues.flatMap((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: path ? `${path}.${key}` : key,
        message: 'This field is not allowed.',
      }));
    }
    return [{ field: path || '(body)', message: issue.message }];
  });

export const parseJsonBody = (
  schema: ZodType
): MiddlewareObj<APIGatewayProxyEventV2, unknown, Error, PorticoContext> => ({
  before: ({ event, context }) => {
    if (!isJsonContentType(event.headers?.['content-type'])) throw new UnsupportedMediaTypeError();
    const raw = event.isBase64Encoded
      ? Buffer.from(event.body ?? '', 'base64').toString('utf8')
      : (event.body ?? '');
    if (raw.trim() === '') throw new BadRequestError('The request needs a JSON body.');
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new BadRequestError('The body is not valid JSON.');
    }
    const result = schema.safeParse(parsed);
    if (!result.success) throw new ValidationError(toFieldErrors(result.error.issues));
    context.body = result.data;
  },
});
