import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { passwordPolicyProblems } from '#core/passwords';
import { TABLE } from '#core/table';
import { PASSWORD_POLICY } from '#core/user-pool';
import { createCognitoClient, createDynamoDbClient } from '../../local/clients.ts';
import { LOCAL_STAFF_MFA_CONFIGURATION } from '../../local/create-user-pool.ts';
import { LocalStackError } from '../../local/errors.ts';
import { type Gateway, type LambdaHandler, startGateway } from '../../local/gateway.ts';
import type { GatewayEvent } from '../../local/gateway-event.ts';
import { findFreePort } from '../../local/ports.ts';
import { checkJava } from '../../local/processes.ts';
import { resolvePort, startLocalStack } from '../../local/stack.ts';
import { ensureStaffLogin, signInStaff } from '../../local/staff-logins.ts';
import {
  createAppClient,
  createLogin,
  decodeJwtPayload,
  signIn,
  TEST_LOGIN_PASSWORD,
  uniqueEmail,
} from '../support/local-stack.ts';
import { staffAccessToken } from '../support/staff.ts';

const stack = inject('localStack');

const problemOf = async (response: Response) => ({
  status: response.status,
  contentType: response.headers.get('content-type'),
  body: (await response.json()) as Record<string, unknown>,
});

describe('startLocalStack', () => {
  it('creates the table with the keys, indexes, stream and TTL of TABLE', async () => {
    // Prepare
    const dynamo = createDynamoDbClient(stack);

    // Act
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: stack.tableName }));
    const { TimeToLiveDescription } = await dynamo.send(
      new DescribeTimeToLiveCommand({ TableName: stack.tableName })
    );
    dynamo.destroy();

    // Assess
    expect(Table?.KeySchema).toEqual([
      { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
    ]);
    const indexes = Object.values(TABLE.indexes).map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
    }));
    expect(Table?.GlobalSecondaryIndexes).toEqual(
      indexes.map((index) => expect.objectContaining(index))
    );
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(Table?.StreamSpecification).toEqual({
      StreamEnabled: true,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
    expect(TimeToLiveDescription).toMatchObject({
      TimeToLiveStatus: 'ENABLED',
      AttributeName: TABLE.ttlAttribute,
    });
  });

  it('creates the user pool with PASSWORD_POLICY and email sign-in', async () => {
    // Prepare
    const cognito = createCognitoClient(stack);

    // Act
    const { UserPool } = await cognito.send(
      new DescribeUserPoolCommand({ UserPoolId: stack.userPoolId })
    );
    cognito.destroy();

    // Assess
    expect(UserPool?.Policies?.PasswordPolicy).toEqual({
      MinimumLength: PASSWORD_POLICY.minLength,
      RequireLowercase: PASSWORD_POLICY.requireLowercase,
      RequireUppercase: PASSWORD_POLICY.requireUppercase,
      RequireNumbers: PASSWORD_POLICY.requireDigits,
      RequireSymbols: PASSWORD_POLICY.requireSymbols,
      TemporaryPasswordValidityDays: PASSWORD_POLICY.temporaryPasswordValidityDays,
    });
    expect(UserPool?.UsernameAttributes).toEqual(['email']);
    expect(UserPool?.AutoVerifiedAttributes).toEqual(['email']);
  });

  it('creates a portal app client without a secret that allows password and refresh auth', async () => {
    // Prepare
    const cognito = createCognitoClient(stack);

    // Act
    const { UserPoolClient } = await cognito.send(
      new DescribeUserPoolClientCommand({
        UserPoolId: stack.userPoolId,
        ClientId: stack.userPoolClientId,
      })
    );
    cognito.destroy();

    // Assess
    expect(UserPoolClient?.ClientSecret).toBeUndefined();
    expect(UserPoolClient?.ExplicitAuthFlows).toEqual(
      expect.arrayContaining(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'])
    );
  });

  it('issues access tokens whose issuer is the stack issuer, with keys at the JWKS URI', async () => {
    // Prepare
    const email = uniqueEmail('issuer');
    await createLogin(stack, email);

    // Act
    const token = await signIn(stack, email);
    const jwks = (await (await fetch(stack.jwksUri)).json()) as { keys: unknown[] };

    // Assess
    expect(decodeJwtPayload(token)).toMatchObject({
      iss: stack.issuer,
      token_use: 'access',
      client_id: stack.userPoolClientId,
    });
    expect(jwks.keys.length).toBeGreaterThan(0);
  });

  it('creates the staff pool with PASSWORD_POLICY, username sign-in and TOTP as the factor', async () => {
    // Prepare
    const cognito = createCognitoClient(stack);

    // Act
    const { UserPool } = await cognito.send(
      new DescribeUserPoolCommand({ UserPoolId: stack.staffUserPoolId })
    );
    const mfa = await cognito.send(
      new GetUserPoolMfaConfigCommand({ UserPoolId: stack.staffUserPoolId })
    );
    const { UserPool: clientPool } = await cognito.send(
      new DescribeUserPoolCommand({ UserPoolId: stack.userPoolId })
    );
    cognito.destroy();

    // Assess
    expect(UserPool?.Policies?.PasswordPolicy?.MinimumLength).toBe(PASSWORD_POLICY.minLength);
    expect(UserPool?.UsernameAttributes ?? []).toEqual([]);
    expect(mfa).toMatchObject({
      MfaConfiguration: LOCAL_STAFF_MFA_CONFIGURATION,
      SoftwareTokenMfaConfiguration: { Enabled: true },
    });
    expect(clientPool?.UsernameAttributes).toEqual(['email']);
    expect(clientPool?.MfaConfiguration).toBe('OFF');
  });

  it('seeds the demo staff login, which signs in with the demo password and its TOTP code', async () => {
    // Prepare
    const cognito = createCognitoClient(stack);

    // Act
    const tokens = await signInStaff(cognito, stack.staffUserPoolClientId, {
      ...stack.demoStaff,
      password: stack.demoPassword,
    }).finally(() => cognito.destroy());

    // Assess
    expect(decodeJwtPayload(tokens.AccessToken ?? '')).toMatchObject({
      iss: stack.staffIssuer,
      client_id: stack.staffUserPoolClientId,
      username: 'staff@portico.example',
    });
  });

  it('seeds demo logins that sign in with the demo password', async () => {
    // Prepare
    const [first] = stack.demoLogins;

    // Act
    const token = first && (await signIn(stack, first.email, { password: stack.demoPassword }));

    // Assess
    expect(stack.demoLogins.length).toBeGreaterThan(0);
    expect(token).toEqual(expect.any(String));
  });
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

  it('answers 413 problem+json for a body over 1 MB', async () => {
    // Act
    const response = await call('/health', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(1024 * 1024 + 1),
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

    // Assess
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

describe('local stack life cycle', () => {
  it('stops every emulator, frees its ports and finds persisted data again', async () => {
    // Prepare
    const persistDir = await mkdtemp(join(tmpdir(), 'portico-persist-'));
    const first = await startLocalStack({ persistDir });
    const dynamo = createDynamoDbClient(first);
    const item = { pk: { S: 'TEST#persist' }, sk: { S: 'TEST' } };
    await dynamo.send(new PutItemCommand({ TableName: first.tableName, Item: item }));
    dynamo.destroy();
    const person = {
      username: 'persist@staff.example',
      email: 'persist@staff.example',
      firstName: 'Per',
      lastName: 'Sist',
    };
    const staffBefore = await withCognito(first, (cognito) =>
      ensureStaffLogin(cognito, first, person, TEST_LOGIN_PASSWORD)
    );
    const ports = [first.dynamodbEndpoint, first.cognitoEndpoint, first.sesEndpoint].map((url) =>
      Number(new URL(url).port)
    );

    // Act
    await first.stop();
    const freed = await Promise.all(ports.map((port) => canListen(port)));
    const second = await startLocalStack({ persistDir });
    const again = createDynamoDbClient(second);
    const found = await again.send(new GetItemCommand({ TableName: second.tableName, Key: item }));
    again.destroy();
    // The TOTP secret is not persisted: the seed gives a persisted staff login a new device.
    const staffAfter = await withCognito(second, (cognito) =>
      ensureStaffLogin(cognito, second, person, TEST_LOGIN_PASSWORD)
    );
    const signedIn = await withCognito(second, (cognito) =>
      signInStaff(cognito, second.staffUserPoolClientId, {
        ...staffAfter,
        password: TEST_LOGIN_PASSWORD,
      })
    );
    await second.stop();
    await rm(persistDir, { recursive: true, force: true });

    // Assess
    expect(freed).toEqual([true, true, true]);
    expect(second.userPoolId).toBe(first.userPoolId);
    expect(second.userPoolClientId).toBe(first.userPoolClientId);
    expect(second.staffUserPoolId).toBe(first.staffUserPoolId);
    expect(second.staffUserPoolClientId).toBe(first.staffUserPoolClientId);
    expect(found.Item).toEqual(item);
    expect(staffAfter).toMatchObject({ created: false, staffId: staffBefore.staffId });
    expect(staffAfter.totpSecret).not.toBe(staffBefore.totpSecret);
    expect(signedIn.AccessToken).toEqual(expect.any(String));
  }, 120_000);

  it('refuses a busy port with one line naming the setting that moves it', async () => {
    // Prepare
    const port = await findFreePort();
    const blocker = createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));

    // Act
    const refusal = resolvePort('cognito', port);

    // Assess
    await expect(refusal).rejects.toThrow(LocalStackError);
    await expect(refusal).rejects.toThrow(
      `port ${port} (cognito-local) is in use; set COGNITO_PORT`
    );
    blocker.close();
  });

  it('refuses to start without java, saying what to install', () => {
    // Act
    const check = () => checkJava('java-that-is-not-installed');

    // Assess
    expect(check).toThrow(LocalStackError);
    expect(check).toThrow(/needs Java 17\+.*not on PATH/);
  });

  it('accepts the default demo password and names what a weak one lacks', () => {
    // Act
    const strong = passwordPolicyProblems('Portico-Demo-2026!');
    const weak = passwordPolicyProblems('short');

    // Assess
    expect(strong).toEqual([]);
    expect(weak).toEqual(expect.arrayContaining(['an uppercase letter', 'a digit', 'a symbol']));
  });
});

const withCognito = async <T>(
  stack: Parameters<typeof createCognitoClient>[0],
  use: (cognito: ReturnType<typeof createCognitoClient>) => Promise<T>
): Promise<T> => {
  const cognito = createCognitoClient(stack);
  try {
    return await use(cognito);
  } finally {
    cognito.destroy();
  }
};

const canListen = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
