import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { parseFormBody } from '#core/http/body';
import type { PorticoContext } from '#core/http/context';
import { UnsupportedMediaTypeError, ValidationError } from '#core/platform/errors';

const oneClick = z.strictObject({ 'List-Unsubscribe': z.literal('One-Click') });
const middleware = parseFormBody(async () => oneClick);

/** Runs the middleware on a body of `contentType`; the context's body after it. */
const parse = async (body: string, contentType: string, base64 = false) => {
  const event = {
    headers: { 'content-type': contentType },
    body: base64 ? Buffer.from(body).toString('base64') : body,
    isBase64Encoded: base64,
  } as unknown as APIGatewayProxyEventV2;
  const context = {} as PorticoContext;
  await middleware.before?.({ event, context } as never);
  return context.body;
};

describe('parseFormBody', () => {
  it('turns RFC 8058’s one-click body into its field, plain or base64, with a charset', async () => {
    // Act & Assess
    const expected = { 'List-Unsubscribe': 'One-Click' };
    expect(await parse('List-Unsubscribe=One-Click', 'application/x-www-form-urlencoded')).toEqual(
      expected
    );
    expect(
      await parse(
        'List-Unsubscribe=One-Click',
        'application/x-www-form-urlencoded; charset=utf-8',
        true
      )
    ).toEqual(expected);
  });

  it('refuses another media type with 415, and JSON among them', async () => {
    // Act & Assess
    await expect(parse('{"List-Unsubscribe":"One-Click"}', 'application/json')).rejects.toThrow(
      UnsupportedMediaTypeError
    );
    await expect(parse('List-Unsubscribe=One-Click', 'text/plain')).rejects.toThrow(
      UnsupportedMediaTypeError
    );
  });

  it('refuses a field sent twice, an unknown field and another value with 400 field errors', async () => {
    // Prepare
    const type = 'application/x-www-form-urlencoded';

    // Act & Assess
    for (const body of [
      'List-Unsubscribe=One-Click&List-Unsubscribe=One-Click',
      'List-Unsubscribe=One-Click&contactId=x',
      'List-Unsubscribe=Yes',
      '',
    ]) {
      await expect(parse(body, type), body).rejects.toThrow(ValidationError);
    }
  });
});
