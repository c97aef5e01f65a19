/**
 * My Details: the login (GET /me), the account and changes to it. Changing
 * the login email has its own file: my-details-login-email.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useGateway } from '../support/gateway.ts';
import { problemType } from '../support/problems.ts';
import { addService, supportPaths } from '../support/services.ts';
import {
  accessTokenFor,
  addSubAccountLogin,
  createTenant,
  type Tenant,
} from '../support/tenants.ts';

const { api } = useGateway();
let demo: Tenant;
let other: Tenant;
let demoToken: string;
let otherToken: string;
const { support } = supportPaths(() => demo);

beforeAll(async () => {
  [demo, other] = await Promise.all([createTenant('Acme'), createTenant('Globex')]);
  [demoToken, otherToken] = await Promise.all([
    accessTokenFor(demo.email),
    accessTokenFor(other.email),
  ]);
});

describe('GET /me', () => {
  it('names the login and lists its account with role and permissions', async () => {
    // Act
    const response = await api('GET', '/me', { token: demoToken });

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: demo.loginId, email: demo.email });
    expect(response.body.accounts).toEqual([
      expect.objectContaining({
        accountId: demo.accountId,
        accountName: demo.name,
        role: 'primary',
      }),
    ]);
    const [account] = response.body.accounts as { permissions: string[] }[];
    expect(account?.permissions).toContain('profile');
  });

  it('names, per account, the login’s own contact, its support scope and its assigned services', async () => {
    // Prepare
    const service = await addService(demo, { type: 'hosting' });
    const sub = await addSubAccountLogin(demo, ['tickets'], 'active', { scope: 'isolated' });
    const assigned = await api('PUT', support(service.id, sub.contactId), { token: demoToken });
    const subToken = await accessTokenFor(sub.email);

    // Act
    const [primaryMe, subMe] = await Promise.all([
      api('GET', '/me', { token: demoToken }),
      api('GET', '/me', { token: subToken }),
    ]);

    // Assess
    expect(assigned.status, assigned.text).toBe(200);
    expect(primaryMe.body.accounts).toEqual([
      expect.objectContaining({ accountId: demo.accountId, contactId: demo.primaryContactId }),
    ]);
    expect(subMe.body.accounts).toEqual([
      expect.objectContaining({
        accountId: demo.accountId,
        role: 'sub-account',
        contactId: sub.contactId,
        supportScope: 'isolated',
        assignedServiceIds: [service.id],
        permissions: ['tickets'],
      }),
    ]);
  });

  it('answers 401 problem+json without a token', async () => {
    // Act
    const response = await api('GET', '/me');

    // Assess
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('GET /accounts/{accountId}', () => {
  it('returns the account, its contracts and primary contact with an ETag', async () => {
    // Act
    const response = await api('GET', `/accounts/${demo.accountId}`, { token: demoToken });

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: demo.accountId,
      name: demo.name,
      status: 'active',
      contracts: [demo.contractNumber.toUpperCase()],
      version: 1,
    });
    expect(response.body.primaryContact).toMatchObject({
      email: demo.email,
      isPrimary: true,
      subAccount: null,
    });
    expect(response.headers.get('etag')).toBe('"1"');
  });

  it('answers 404 for an account the login does not belong to, leaking nothing', async () => {
    // Act
    const response = await api('GET', `/accounts/${other.accountId}`, { token: demoToken });

    // Assess
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    for (const secret of [
      other.name,
      other.email,
      other.contractNumber.toUpperCase(),
      other.primaryContactId,
    ]) {
      expect(response.text).not.toContain(secret);
    }
  });

  it('answers the same 404 for an account that does not exist', async () => {
    // Act
    const missing = await api('GET', '/accounts/no-such-account', { token: demoToken });
    const foreign = await api('GET', `/accounts/${other.accountId}`, { token: demoToken });

    // Assess
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual(foreign.body);
  });

  it('answers 401 for a forged token', async () => {
    // Prepare
    const [header, payload] = demoToken.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not-the-signature').toString('base64url')}`;

    // Act
    const response = await api('GET', `/accounts/${demo.accountId}`, { token: forged });

    // Assess
    expect(response.status).toBe(401);
  });
});

describe('PATCH /accounts/{accountId}', () => {
  it('updates My Details, moves the version and returns the new ETag', async () => {
    // Prepare
    const before = await api('GET', `/accounts/${other.accountId}`, { token: otherToken });

    // Act
    const response = await api('PATCH', `/accounts/${other.accountId}`, {
      token: otherToken,
      headers: { 'if-match': before.headers.get('etag') ?? '' },
      body: {
        phone: '+31201234567',
        address: {
          line1: 'Keizersgracht 1',
          city: 'Amsterdam',
          postcode: '1015 CJ',
          country: 'nl',
        },
      },
    });

    // Assess
    expect(response.status).toBe(200);
    expect(response.body.version).toBe((before.body.version as number) + 1);
    expect(response.headers.get('etag')).toBe(`"${response.body.version}"`);
    expect(response.body.primaryContact).toMatchObject({
      phone: '+31201234567',
      address: { line1: 'Keizersgracht 1', city: 'Amsterdam', postcode: '1015 CJ', country: 'NL' },
    });
    const reread = await api('GET', `/accounts/${other.accountId}`, { token: otherToken });
    expect(reread.body).toEqual(response.body);
  });

  it('lets the primary choose its mail categories, keeping the ones it does not name, and audits the change', async () => {
    // Prepare
    const tenant = await createTenant('Prefs');
    const token = await accessTokenFor(tenant.email);
    const before = await api('GET', `/accounts/${tenant.accountId}`, { token });

    // Act
    const changed = await api('PATCH', `/accounts/${tenant.accountId}`, {
      token,
      body: { emailPreferences: { product: false, domain: false } },
    });
    const unknown = await api('PATCH', `/accounts/${tenant.accountId}`, {
      token,
      body: { emailPreferences: { security: false } },
    });
    const audit = await api('GET', `/accounts/${tenant.accountId}/audit?limit=1`, { token });

    // Assess
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body.primaryContact).toMatchObject({
      emailPreferences: {
        ...(before.body.primaryContact as { emailPreferences: object }).emailPreferences,
        product: false,
        domain: false,
      },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toContainEqual(
      expect.objectContaining({ field: 'emailPreferences.security', code: 'unknown_field' })
    );
    expect((audit.body.items as { action: string; changes: object }[])[0]).toMatchObject({
      action: 'account.details.updated',
      changes: { emailPreferences: expect.any(Object) },
    });
  });

  it('refuses a stale If-Match with 412 and the current ETag, a stale body version with 409, writing nothing', async () => {
    // Prepare
    const current = await api('GET', `/accounts/${other.accountId}`, { token: otherToken });
    const version = current.body.version as number;

    // Act
    const staleEtag = await api('PATCH', `/accounts/${other.accountId}`, {
      token: otherToken,
      headers: { 'if-match': `"${version - 1}"` },
      body: { firstName: 'Stale' },
    });
    const staleBody = await api('PATCH', `/accounts/${other.accountId}`, {
      token: otherToken,
      body: { firstName: 'Stale', version: version - 1 },
    });

    // Assess
    expect(staleEtag.status).toBe(412);
    // The current ETag comes with the refusal, so the portal knows what it would overwrite.
    expect(staleEtag.headers.get('etag')).toBe(`"${version}"`);
    expect(staleEtag.body.currentVersion).toBe(version);
    expect(staleEtag.body.type).toBe(problemType('staleVersion'));
    expect(staleBody.status).toBe(409);
    expect(staleBody.body.type).toBe(problemType('staleBodyVersion'));
    const after = await api('GET', `/accounts/${other.accountId}`, { token: otherToken });
    expect(after.body).toEqual(current.body);
  });

  it('lists every invalid field and rejects unknown ones, writing nothing', async () => {
    // Prepare
    const current = await api('GET', `/accounts/${demo.accountId}`, { token: demoToken });

    // Act
    const response = await api('PATCH', `/accounts/${demo.accountId}`, {
      token: demoToken,
      body: {
        phone: '0201234567',
        email: 'nope',
        role: 'primary',
        address: { line1: 'x', country: 'XX' },
      },
    });

    // Assess
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.type).toBe(problemType('validationFailed'));
    const errors = response.body.errors as { field: string; code: string }[];
    expect(Object.fromEntries(errors.map(({ field, code }) => [field, code]))).toMatchObject({
      phone: 'pattern',
      email: 'invalid_email',
      role: 'unknown_field',
      'address.city': 'required',
      'address.postcode': 'required',
      'address.country': 'invalid_country',
    });
    const after = await api('GET', `/accounts/${demo.accountId}`, { token: demoToken });
    expect(after.body).toEqual(current.body);
  });

  it('answers 415 for a body that is not JSON and 400 for malformed JSON', async () => {
    // Act
    const form = await api('PATCH', `/accounts/${demo.accountId}`, {
      token: demoToken,
      rawBody: 'firstName=Eve',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const broken = await api('PATCH', `/accounts/${demo.accountId}`, {
      token: demoToken,
      rawBody: '{"firstName":',
      headers: { 'content-type': 'application/json' },
    });

    // Assess
    expect(form.status).toBe(415);
    expect(form.body.type).toBe(problemType('unsupportedMediaType'));
    expect(broken.status).toBe(400);
    expect(broken.body.type).toBe(problemType('invalidJson'));
  });

  it('lets a sub-account read My Details but not change them, naming whom to ask', async () => {
    // Prepare
    const sub = await addSubAccountLogin(demo, ['profile', 'invoices']);
    const token = await accessTokenFor(sub.email);

    // Act
    const read = await api('GET', `/accounts/${demo.accountId}`, { token });
    const write = await api('PATCH', `/accounts/${demo.accountId}`, {
      token,
      body: { firstName: 'Mallory' },
    });

    // Assess
    expect(read.status).toBe(200);
    expect(write.status).toBe(403);
    expect(write.body).toMatchObject({
      type: problemType('primaryOnly'),
      area: 'profile',
      allowedAreas: ['profile', 'invoices'],
      grantedBy: { name: expect.stringContaining('Acme') },
    });
  });

  it('gives a sub-account without profile a 403 listing what it may open', async () => {
    // Prepare
    const sub = await addSubAccountLogin(demo, ['invoices']);
    const token = await accessTokenFor(sub.email);

    // Act
    const response = await api('GET', `/accounts/${demo.accountId}`, { token });

    // Assess
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({
      type: problemType('areaNotGranted'),
      area: 'profile',
      allowedAreas: ['invoices'],
    });
  });

  it('shuts out a suspended sub-account on its next request, token still valid', async () => {
    // Prepare
    const sub = await addSubAccountLogin(demo, ['profile'], 'suspended');
    const token = await accessTokenFor(sub.email);

    // Act
    const response = await api('GET', `/accounts/${demo.accountId}`, { token });

    // Assess
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ type: problemType('loginSuspended'), allowedAreas: [] });
  });
});
