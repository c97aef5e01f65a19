/**
 * The staff identity end to end: staff tokens come from the staff pool
 * (password, then TOTP), open `/staff/*` and nothing else; client tokens
 * never open `/staff/*`.
 */
import {
  AdminDeleteUserCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { startGateway } from '../../local/gateway.ts';
import { signInStaff } from '../../scripts/local-stack/staff-logins.ts';
import { useGateway } from '../support/gateway.ts';
import { callApi } from '../support/http.ts';
import { decodeJwtPayload } from '../support/local-stack.ts';
import {
  createStaffLogin,
  staffAccessToken,
  staffTokensFor,
  type TestStaffLogin,
  testStaffLogin,
} from '../support/staff.ts';
import { accessTokenFor, cognito, createTenant, type Tenant } from '../support/tenants.ts';

const stack = inject('localStack');
const gateway = useGateway();
let tenant: Tenant;
let clientToken: string;
let staffToken: string;
let staff: TestStaffLogin;

const { api } = gateway;

beforeAll(async () => {
  tenant = await createTenant('Staffcheck');
  [clientToken, staffToken, staff] = await Promise.all([
    accessTokenFor(tenant.email),
    staffAccessToken(),
    testStaffLogin(),
  ]);
});

describe('GET /staff/me', () => {
  it('answers a staff access token with the staff login', async () => {
    // Act
    const response = await api('GET', '/staff/me', { token: staffToken });

    // Assess
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual({
      id: staff.staffId,
      username: staff.username,
      email: staff.email,
      name: staff.name,
    });
  });

  it('answers the seeded demo staff login', async () => {
    // Prepare
    const { AccessToken } = await signInStaff(cognito(), stack.staffUserPoolClientId, {
      ...stack.demoStaff,
      password: stack.demoPassword,
    });

    // Act
    const response = await api('GET', '/staff/me', { token: AccessToken });

    // Assess
    expect(response.status, response.text).toBe(200);
    expect(response.body).toMatchObject({
      username: 'staff@portico.example',
      email: 'staff@portico.example',
      name: stack.demoStaff.name,
    });
  });

  it('refuses the token of a staff login removed since it signed in', async () => {
    // Prepare
    const leaver = await createStaffLogin('leaver');
    const { AccessToken } = await staffTokensFor(leaver);
    await cognito().send(
      new AdminDeleteUserCommand({ UserPoolId: stack.staffUserPoolId, Username: leaver.username })
    );

    // Act
    const response = await api('GET', '/staff/me', { token: AccessToken });

    // Assess
    expect(response.status, response.text).toBe(401);
    expect(response.body.detail).toBe('This staff login was signed out, disabled or removed.');
  });

  it('refuses a client access token with 401', async () => {
    // Act
    const response = await api('GET', '/staff/me', { token: clientToken });

    // Assess
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses a staff ID token with 401: only access tokens open the API', async () => {
    // Prepare
    const { IdToken } = await staffTokensFor(staff);

    // Act
    const response = await api('GET', '/staff/me', { token: IdToken });

    // Assess
    expect(decodeJwtPayload(IdToken ?? '')).toMatchObject({
      token_use: 'id',
      aud: stack.staffUserPoolClientId,
    });
    expect(response.status).toBe(401);
  });

  it('still refuses a client token when the staff authorizer is misconfigured to trust the client pool', async () => {
    // Prepare: a gateway whose staff authorizer checks the client pool, so only the function's own check remains
    const misconfigured = await startGateway({
      port: 0,
      stack: {
        ...stack,
        staffIssuer: stack.issuer,
        staffJwksUri: stack.jwksUri,
        staffUserPoolClientId: stack.userPoolClientId,
      },
    });

    // Act
    const response = await callApi(misconfigured.url, 'GET', '/staff/me', { token: clientToken });
    await misconfigured.close();

    // Assess
    expect(response.status).toBe(401);
    expect(response.body.detail).toBe('Use a staff access token.');
  });
});

describe('staff tokens on client routes', () => {
  it('refuses a staff token at GET /me with 401', async () => {
    // Act
    const response = await api('GET', '/me', { token: staffToken });

    // Assess
    expect(response.status).toBe(401);
  });

  it('refuses a staff token at GET /accounts/{accountId} with 401', async () => {
    // Act
    const response = await api('GET', `/accounts/${tenant.accountId}`, { token: staffToken });

    // Assess
    expect(response.status).toBe(401);
    expect(response.text).not.toContain(tenant.name);
  });
});

describe('staff sign-in', () => {
  it('asks for the TOTP code after the password, and a wrong code gets no tokens', async () => {
    // Prepare
    const login = await createStaffLogin('mfa');

    // Act
    const first = await cognito().send(
      new InitiateAuthCommand({
        ClientId: stack.staffUserPoolClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: login.username, PASSWORD: login.password },
      })
    );
    // The code of another device's secret.
    const wrong = signInStaff(cognito(), stack.staffUserPoolClientId, {
      ...login,
      totpSecret: 'JBSWY3DPEHPK3PXP',
    });

    // Assess
    expect(first.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(first.AuthenticationResult).toBeUndefined();
    await expect(wrong).rejects.toMatchObject({ name: 'CodeMismatchException' });
  });

  it('issues access tokens naming the staff pool and the staff console client', async () => {
    // Act
    const claims = decodeJwtPayload(staffToken);

    // Assess
    expect(claims).toMatchObject({
      iss: stack.staffIssuer,
      client_id: stack.staffUserPoolClientId,
      token_use: 'access',
      username: staff.username,
    });
  });
});

describe('GET /config', () => {
  it('names the staff pool and its app client beside the client pool', async () => {
    // Act
    const response = await api('GET', '/config');

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      userPoolId: stack.userPoolId,
      userPoolClientId: stack.userPoolClientId,
      staff: { userPoolId: stack.staffUserPoolId, userPoolClientId: stack.staffUserPoolClientId },
    });
  });
});
