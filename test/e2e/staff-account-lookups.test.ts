/**
 * The helpdesk reading accounts: by id, by contract number, by a contact's
 * email (every account it is a contact of), and who may not.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useGateway } from '../support/gateway.ts';
import { loadedAccountThrough, staffCall } from '../support/staff-calls.ts';
import { addContact, addSubAccountLogin, signedInTenant, type Tenant } from '../support/tenants.ts';

const gateway = useGateway();
let tenant: Tenant;
let token: string;

const get = (path: string) => staffCall(gateway.url, 'GET', path);

beforeAll(async () => {
  ({ tenant, token } = await signedInTenant('Lookup'));
});

describe('GET /staff/accounts/{accountId}', () => {
  it('shows the account, its contracts, its primary contact and its counts', async () => {
    // Prepare
    await Promise.all([addContact(tenant), addSubAccountLogin(tenant, ['contacts'])]);

    // Act
    const response = await get(`/staff/accounts/${tenant.accountId}`);

    // Assess
    expect(response.status, response.text).toBe(200);
    expect(response.body).toMatchObject({
      id: tenant.accountId,
      name: tenant.name,
      contracts: [tenant.contractNumber.toUpperCase()],
      primaryContactId: tenant.primaryContactId,
      primaryContact: { id: tenant.primaryContactId, email: tenant.email, hasLogin: true },
      counts: { contacts: 3, subAccounts: 1 },
    });
  });

  it('answers 404 for an unknown or malformed account id', async () => {
    // Act
    const unknown = await get(`/staff/accounts/${randomUUID()}`);
    const malformed = await get('/staff/accounts/no%20such%20id');

    // Assess
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(404);
  });
});

describe('GET /staff/accounts?contract=|email=', () => {
  it('finds the account of a contract number, in any case and with spaces around it', async () => {
    // Prepare
    const loaded = await loadedAccountThrough(gateway.url);

    // Act
    const response = await get(
      `/staff/accounts?contract=${encodeURIComponent(` ${loaded.contract.toLowerCase()} `)}`
    );

    // Assess
    expect(response.status, response.text).toBe(200);
    expect(response.body).toMatchObject({
      items: [{ id: loaded.id, name: loaded.body.name, externalId: loaded.body.externalId }],
      cursor: null,
    });
  });

  it('finds every account an address is a contact of, page by page', async () => {
    // Prepare: the tenant's primary address, also a contact of a second and a third account
    const [second, third] = await Promise.all([
      signedInTenant('Lookuptwo'),
      signedInTenant('Lookupthree'),
    ]);
    await Promise.all([
      addContact(second.tenant, tenant.email),
      addContact(third.tenant, tenant.email.toUpperCase()),
    ]);
    const email = encodeURIComponent(tenant.email);

    // Act
    const all = await get(`/staff/accounts?email=${email}`);
    const first = await get(`/staff/accounts?email=${email}&limit=2`);
    const next = await get(`/staff/accounts?email=${email}&limit=2&cursor=${first.body.cursor}`);

    // Assess
    expect(all.status, all.text).toBe(200);
    const ids = (all.body.items as { id: string }[]).map((account) => account.id);
    expect(ids.sort()).toEqual(
      [tenant.accountId, second.tenant.accountId, third.tenant.accountId].sort()
    );
    const paged = [
      ...(first.body.items as { id: string }[]),
      ...(next.body.items as { id: string }[]),
    ];
    expect(paged.map((account) => account.id).sort()).toEqual(ids.sort());
  });

  it('answers an empty list for a contract number or an address nobody has', async () => {
    // Act
    const contract = await get('/staff/accounts?contract=NO-SUCH-CONTRACT');
    const email = await get('/staff/accounts?email=nobody%40nowhere.example');

    // Assess
    expect(contract.body).toEqual({ items: [], cursor: null });
    expect(email.body).toEqual({ items: [], cursor: null });
  });

  it('needs exactly one of contract and email (400)', async () => {
    // Act
    const neither = await get('/staff/accounts');
    const both = await get(
      `/staff/accounts?contract=X-1&email=${encodeURIComponent(tenant.email)}`
    );
    const badEmail = await get('/staff/accounts?email=not-an-address');

    // Assess
    for (const response of [neither, both, badEmail]) {
      expect(response.status, response.text).toBe(400);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: expect.any(String) }),
      ]);
    }
  });

  it('refuses a customer’s token (401), even for its own account and contract', async () => {
    // Act
    const byId = await gateway.api('GET', `/staff/accounts/${tenant.accountId}`, { token });
    const byContract = await gateway.api(
      'GET',
      `/staff/accounts?contract=${encodeURIComponent(tenant.contractNumber)}`,
      { token }
    );

    // Assess
    expect(byId.status).toBe(401);
    expect(byContract.status).toBe(401);
    expect(byContract.text).not.toContain(tenant.name);
  });
});
