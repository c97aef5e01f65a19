/**
 * Answers to signed-in callers hold personal data, so no browser, proxy or
 * CDN may keep them: `Cache-Control: no-store` on every response of a
 * login, member or staff route, errors included. Public routes stay
 * cacheable. (The authorization matrix checks the header on every route.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useGateway } from '../support/gateway.ts';
import { staffAccessToken } from '../support/staff.ts';
import {
  accessTokenFor,
  addSubAccountLogin,
  signedInTenant,
  type Tenant,
} from '../support/tenants.ts';

const { api } = useGateway();
let tenant: Tenant;
let token: string;
let staffToken: string;

beforeAll(async () => {
  ({ tenant, token } = await signedInTenant('Nostore'));
  staffToken = await staffAccessToken();
});

describe('Cache-Control', () => {
  it('is no-store on the answers of login, member and staff routes', async () => {
    // Prepare
    const a = tenant.accountId;

    // Act
    const responses = await Promise.all([
      api('GET', '/me', { token }),
      api('GET', `/accounts/${a}`, { token }),
      api('GET', `/accounts/${a}/contacts`, { token }),
      api('GET', '/staff/me', { token: staffToken }),
    ]);

    // Assess
    for (const response of responses) {
      expect(response.status, response.text).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('is no-store on the problems of signed-in routes', async () => {
    // Prepare
    const a = tenant.accountId;
    const sub = await addSubAccountLogin(tenant, []);
    const subToken = await accessTokenFor(sub.email);

    // Act
    const responses = await Promise.all([
      api('GET', `/accounts/${a}/contacts`, { token: subToken }),
      api('GET', '/accounts/NO-SUCH-ACCOUNT', { token }),
      api('PATCH', `/accounts/${a}`, { token, body: { phone: 'not a phone' } }),
      api('GET', '/me'),
    ]);

    // Assess
    expect(responses.map((response) => response.status)).toEqual([403, 404, 400, 401]);
    for (const response of responses)
      expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('is not set on the public routes', async () => {
    // Act
    const responses = await Promise.all([api('GET', '/health'), api('GET', '/config')]);

    // Assess
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBeNull();
    }
  });
});
