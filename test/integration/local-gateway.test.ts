/**
 * The local gateway: JWT checks, the payload 2.0 event, responses, problems,
 * CORS and limits. Most calls reach a probe handler that echoes the event,
 * not the API, so only the real functions' answers are held to the contract.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import {
  DEFAULT_MAX_BODY_BYTES,
  type Gateway,
  type LambdaHandler,
  startGateway,
} from '../../local/gateway.ts';
import type { GatewayEvent } from '../../local/gateway-event.ts';
import { checkAgainstContract } from '../support/contract.ts';
import {
  createAppClient,
  createLogin,
  decodeJwtPayload,
  signIn,
  uniqueEmail,
} from '../support/local-stack.ts';
import { staffAccessToken } from '../support/staff.ts';

const stack = inject('localStack');

const problemOf = async (response: Response) => ({
  status: response.status,
  contentType: response.headers.get('content-type'),
  body: (await response.json()) as Record<string, unknown>,
});

describe('startGateway', () => {
  const events: GatewayEvent[] = [];
  /** Stands in for a function, so each case below tests the gateway alone. */
  const probe: LambdaHandler = async (event: GatewayEvent) => {
    events.push(event);
    if (event.headers['x-probe'] === 'throw') throw new Error('secret internal detail');
    return {
      statusCode: 201,
      headers: { 'content-type': 'application/json', 'x-answer': 42 },
      cookies: ['a=1; Path=/', 'b=2; Path=/'],
      body: JSON.stringify({ ok: true }),
    };
  };
  let probed: Gateway;
  let real: Gateway;
  let token: string;

  beforeAll(async () => {
    probed = await startGateway({ port: 0, stack, loadHandler: async () => probe });
    real = await startGateway({ port: 0, stack });
    const email = uniqueEmail('gateway');
    await createLogin(stack, email);
    token = await signIn(stack, email);
  });

  afterAll(async () => {
    await Promise.all([probed?.close(), real?.close()]);
  });

  const call = (path: string, init: RequestInit = {}) => fetch(`${probed.url}${path}`, init);

  it('answers 401 problem+json without a token and never invokes the handler', async () => {
    // Prepare
    const before = events.length;

    // Act
    const response = await call('/me');

    // Assess
    expect(await problemOf(response)).toMatchObject({
      status: 401,
      contentType: 'application/problem+json',
      body: {
        title: 'Unauthorized',
        status: 401,
        type: expect.any(String),
        detail: expect.any(String),
      },
    });
    expect(events.length).toBe(before);
  });

  it('answers 401 for a token that is not a JWT', async () => {
    // Act
    const response = await call('/me', { headers: { authorization: 'Bearer not.a.jwt' } });

    // Assess
    expect((await problemOf(response)).status).toBe(401);
  });

  it('answers 401 for a token issued to another app client of the same pool', async () => {
    // Prepare
    const otherClientId = await createAppClient(stack);
    const email = uniqueEmail('other-client');
    await createLogin(stack, email);
    const otherToken = await signIn(stack, email, { clientId: otherClientId });

    // Act
    const response = await call('/me', { headers: { authorization: `Bearer ${otherToken}` } });

    // Assess
    expect(decodeJwtPayload(otherToken).iss).toBe(stack.issuer);
    expect((await problemOf(response)).status).toBe(401);
  });

  it('refuses a client token on a staff route and a staff token on a client route, before any handler', async () => {
    // Prepare
    const before = events.length;
    const staffToken = await staffAccessToken();

    // Act
    const clientAtStaff = await call('/staff/me', {
      headers: { authorization: `Bearer ${token}` },
    });
    const staffAtClient = await call('/me', { headers: { authorization: `Bearer ${staffToken}` } });
    const staffAtStaff = await call('/staff/me', {
      headers: { authorization: `Bearer ${staffToken}` },
    });

    // Assess
    expect((await problemOf(clientAtStaff)).status).toBe(401);
    expect((await problemOf(staffAtClient)).status).toBe(401);
    expect(staffAtStaff.status).toBe(201);
    expect(events.length).toBe(before + 1);
    expect(events.at(-1)?.routeKey).toBe('GET /staff/me');
  });

  it('answers 401 for an ID token, which is not an access token', async () => {
    // Prepare
    const email = uniqueEmail('id-token');
    await createLogin(stack, email);
    const idToken = await signIn(stack, email, { tokenUse: 'id' });

    // Act
    const response = await call('/me', { headers: { authorization: `Bearer ${idToken}` } });

    // Assess
    expect(decodeJwtPayload(idToken)).toMatchObject({
      token_use: 'id',
      aud: stack.userPoolClientId,
    });
    expect((await problemOf(response)).status).toBe(401);
  });

  it('answers 401 for an expired token', async () => {
    // Prepare: a client whose access tokens live one second, and a gateway that trusts it
    const shortClientId = await createAppClient(stack, {
      AccessTokenValidity: 1,
      TokenValidityUnits: { AccessToken: 'seconds' },
    });
    const shortLived = await startGateway({
      port: 0,
      stack: { ...stack, userPoolClientId: shortClientId },
      loadHandler: async () => probe,
    });
    const email = uniqueEmail('expired');
    await createLogin(stack, email);
    const expiring = await signIn(stack, email, { clientId: shortClientId });
    await sleep(2100);

    // Act
    const response = await fetch(`${shortLived.url}/me`, {
      headers: { authorization: `Bearer ${expiring}` },
    });
    await shortLived.close();

    // Assess
    expect(await problemOf(response)).toMatchObject({
      status: 401,
      body: { detail: expect.stringContaining('expired') },
    });
  });

  it('passes a payload 2.0 event with API Gateway style claims and path parameters', async () => {
    // Act
    const response = await call('/accounts/acc%201?b=1&a=x&a=y', {
      headers: { authorization: `Bearer ${token}`, cookie: 'c1=v1; c2=v2', 'X-Custom': 'Yes' },
    });
    const event = events.at(-1) as GatewayEvent & {
      requestContext: { authorizer: { jwt: { claims: Record<string, unknown>; scopes: unknown } } };
    };

    // Assess
    expect(response.status).toBe(201);
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /accounts/{accountId}',
      rawPath: '/accounts/acc%201',
      rawQueryString: 'b=1&a=x&a=y',
      pathParameters: { accountId: 'acc 1' },
      queryStringParameters: { a: 'x,y', b: '1' },
      cookies: ['c1=v1', 'c2=v2'],
      isBase64Encoded: false,
      requestContext: {
        http: { method: 'GET', path: '/accounts/acc%201' },
        routeKey: 'GET /accounts/{accountId}',
        stage: '$default',
        authorizer: { jwt: { scopes: null } },
      },
    });
    expect(event.headers['x-custom']).toBe('Yes');
    expect(event.headers.cookie).toBeUndefined();
    const { claims } = event.requestContext.authorizer.jwt;
    expect(claims).toMatchObject({ client_id: stack.userPoolClientId, token_use: 'access' });
    expect(Object.values(claims).every((value) => typeof value === 'string')).toBe(true);
    expect(claims.exp).toMatch(/^\d+$/);
  });

  it('writes the handler status, headers, cookies and body back', async () => {
    // Act
    const response = await call('/health');

    // Assess
    expect(response.status).toBe(201);
    expect(response.headers.get('x-answer')).toBe('42');
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('answers 500 problem+json with a generic detail when the handler throws', async () => {
    // Prepare
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);

    // Act
    const response = await call('/health', { headers: { 'x-probe': 'throw' } });
    const problem = await problemOf(response);
    const logged = stderr.mock.calls.map(([chunk]) => String(chunk)).join('');
    stderr.mockRestore();

    // Assess
    expect(problem).toMatchObject({ status: 500, contentType: 'application/problem+json' });
    expect(JSON.stringify(problem.body)).not.toContain('secret internal detail');
    expect(logged).toContain('secret internal detail');
  });

  it('answers 404 problem+json for a path no route matches', async () => {
    // Act
    const response = await call('/no/such/route');

    // Assess
    expect(await problemOf(response)).toMatchObject({
      status: 404,
      contentType: 'application/problem+json',
    });
  });

  it('answers 405 problem+json with Allow for a known path and another method', async () => {
    // Act
    const response = await call('/health', { method: 'DELETE' });

    // Assess
    expect(response.headers.get('allow')).toBe('GET');
    expect(await problemOf(response)).toMatchObject({
      status: 405,
      contentType: 'application/problem+json',
    });
  });

  it('answers a CORS preflight without a token and adds CORS headers to responses', async () => {
    // Act
    const preflight = await call('/me', {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    const actual = await call('/health', { headers: { origin: 'http://localhost:5173' } });

    // Assess
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(actual.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers 413 problem+json for a body over API Gateway’s 10 MB', async () => {
    // Act
    const response = await call('/health', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(DEFAULT_MAX_BODY_BYTES + 1),
    });

    // Assess
    expect(await problemOf(response)).toMatchObject({
      status: 413,
      contentType: 'application/problem+json',
    });
  });

  it('serves GET /health from the public function', async () => {
    // Act
    const response = await fetch(`${real.url}/health`);
    const text = await response.text();

    // Assess
    expect(response.status).toBe(200);
    expect(JSON.parse(text)).toEqual({ status: 'ok' });
    expect(
      checkAgainstContract('GET', '/health', {
        status: response.status,
        headers: response.headers,
        text,
      })
    ).toEqual([]);
  });
});
