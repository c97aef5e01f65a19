import { beforeAll, describe, expect, it } from 'vitest';
import { useGateway } from '../support/gateway.ts';
import { eventually, waitForMail } from '../support/mailbox.ts';
import {
  accessTokenFor,
  addSubAccountLogin,
  createTenant,
  TEST_PASSWORD,
  type Tenant,
} from '../support/tenants.ts';

const { api } = useGateway();
let demo: Tenant;
let other: Tenant;
let demoToken: string;
let otherToken: string;

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

  it('refuses a stale If-Match with 412 and a stale body version with 409, writing nothing', async () => {
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
    expect(staleBody.status).toBe(409);
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
    const fields = (response.body.errors as { field: string }[]).map((error) => error.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'phone',
        'email',
        'role',
        'address.city',
        'address.postcode',
        'address.country',
      ])
    );
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
    expect(broken.status).toBe(400);
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
    expect(response.body).toMatchObject({ area: 'profile', allowedAreas: ['invoices'] });
  });

  it('shuts out a suspended sub-account on its next request, token still valid', async () => {
    // Prepare
    const sub = await addSubAccountLogin(demo, ['profile'], 'suspended');
    const token = await accessTokenFor(sub.email);

    // Act
    const response = await api('GET', `/accounts/${demo.accountId}`, { token });

    // Assess
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ allowedAreas: [] });
  });
});

describe('changing the login email in My Details', () => {
  it('waits for the code mailed to the new address, then moves the login', async () => {
    // Prepare
    const tenant = await createTenant('Initech');
    const token = await accessTokenFor(tenant.email);
    const newEmail = `new-${tenant.loginId.slice(0, 8)}@initech.example`;

    // Act: ask for the change
    const requested = await api('PATCH', `/accounts/${tenant.accountId}`, {
      token,
      body: { email: newEmail },
    });

    // Assess: nothing moved yet; both addresses were told
    expect(requested.status).toBe(200);
    expect(requested.body.primaryContact).toMatchObject({
      email: tenant.email,
      pendingEmail: newEmail,
    });
    const codeMail = await waitForMail(newEmail, 'Confirm your new login email');
    await waitForMail(tenant.email, 'Your login email is about to change');
    const code = /code is (\d{6})/.exec(codeMail.body.text ?? '')?.[1] ?? '';

    // Act: a wrong code, then the right one
    const wrong = await api('POST', `/accounts/${tenant.accountId}/email-verification`, {
      token,
      body: { code: code === '000000' ? '111111' : '000000' },
    });
    const confirmed = await api('POST', `/accounts/${tenant.accountId}/email-verification`, {
      token,
      body: { code },
    });

    // Assess
    expect(wrong.status).toBe(400);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.primaryContact).toMatchObject({ email: newEmail });
    expect(confirmed.body.primaryContact).not.toHaveProperty('pendingEmail');
    await waitForMail(tenant.email, 'Your login email has changed');
    await expect(eventually(() => accessTokenFor(newEmail, TEST_PASSWORD))).resolves.toBeTruthy();
    await expect(accessTokenFor(tenant.email, TEST_PASSWORD)).rejects.toThrow();
    const me = await api('GET', '/me', { token });
    expect(me.body.email).toBe(newEmail);
  });
});

describe('changing the login email to an address another login holds', () => {
  it('refuses the confirmation with 409 and leaves both logins as they were', async () => {
    // Prepare
    const [tenant, holder] = await Promise.all([createTenant('Hooli'), createTenant('Pied')]);
    const token = await accessTokenFor(tenant.email);
    await api('PATCH', `/accounts/${tenant.accountId}`, { token, body: { email: holder.email } });
    const codeMail = await waitForMail(holder.email, 'Confirm your new login email');
    const code = /code is (\d{6})/.exec(codeMail.body.text ?? '')?.[1] ?? '';

    // Act
    const confirmed = await api('POST', `/accounts/${tenant.accountId}/email-verification`, {
      token,
      body: { code },
    });

    // Assess
    expect(confirmed.status).toBe(409);
    const after = await api('GET', `/accounts/${tenant.accountId}`, { token });
    expect(after.body.primaryContact).toMatchObject({
      email: tenant.email,
      pendingEmail: holder.email,
    });
    await expect(accessTokenFor(tenant.email)).resolves.toBeTruthy();
    await expect(accessTokenFor(holder.email)).resolves.toBeTruthy();
  });

  it('cancels a pending change when the current email is sent back', async () => {
    // Prepare
    const tenant = await createTenant('Umbrella');
    const token = await accessTokenFor(tenant.email);
    await api('PATCH', `/accounts/${tenant.accountId}`, {
      token,
      body: { email: 'later@umbrella.example' },
    });

    // Act
    const cancelled = await api('PATCH', `/accounts/${tenant.accountId}`, {
      token,
      body: { email: tenant.email },
    });
    const confirm = await api('POST', `/accounts/${tenant.accountId}/email-verification`, {
      token,
      body: { code: '123456' },
    });

    // Assess
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.primaryContact).not.toHaveProperty('pendingEmail');
    expect(confirm.status).toBe(409);
  });
});
