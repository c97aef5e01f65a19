import { beforeAll, describe, expect, it } from 'vitest';
import { useGateway } from '../support/gateway.ts';
import { serviceLoad } from '../support/loads.ts';
import { staffCall } from '../support/staff-calls.ts';
import {
  accessTokenFor,
  addSubAccountLogin,
  createTenant,
  signedInTenant,
  type Tenant,
} from '../support/tenants.ts';

const gateway = useGateway();
let tenant: Tenant;
let token: string;

beforeAll(async () => {
  ({ tenant, token } = await signedInTenant('Audited'));
});

describe('GET /accounts/{accountId}/audit', () => {
  it('records who changed which field of My Details, before and after, newest first', async () => {
    // Prepare
    const path = `/accounts/${tenant.accountId}`;
    await gateway.api('PATCH', path, { token, body: { lastName: 'Renamed' } });
    await gateway.api('PATCH', path, { token, body: { phone: '+442079460000' } });

    // Act
    const response = await gateway.api('GET', `${path}/audit`, { token });

    // Assess
    expect(response.status).toBe(200);
    const items = response.body.items as Record<string, unknown>[];
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({
      action: 'account.details.updated',
      actor: { kind: 'login', loginId: tenant.loginId },
      target: `contact/${tenant.primaryContactId}`,
      changes: { phone: { before: '+441632960000', after: '+442079460000' } },
    });
    expect(items[1]).toMatchObject({ changes: { lastName: { after: 'Renamed' } } });
    expect(response.body.cursor).toBeNull();
  });

  it('pages with a cursor and refuses a cursor from another account', async () => {
    // Prepare
    const other = await createTenant('Cursor');
    const otherToken = await accessTokenFor(other.email);
    await gateway.api('PATCH', `/accounts/${other.accountId}`, {
      token: otherToken,
      body: { firstName: 'A' },
    });
    await gateway.api('PATCH', `/accounts/${other.accountId}`, {
      token: otherToken,
      body: { firstName: 'B' },
    });

    // Act
    const first = await gateway.api('GET', `/accounts/${other.accountId}/audit?limit=1`, {
      token: otherToken,
    });
    const second = await gateway.api(
      'GET',
      `/accounts/${other.accountId}/audit?limit=1&cursor=${first.body.cursor}`,
      { token: otherToken }
    );
    const foreign = await gateway.api(
      'GET',
      `/accounts/${tenant.accountId}/audit?cursor=${first.body.cursor}`,
      { token }
    );

    // Assess
    expect(first.body.items).toHaveLength(1);
    expect(typeof first.body.cursor).toBe('string');
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items).not.toEqual(first.body.items);
    expect(foreign.status).toBe(400);
  });

  it('rejects a limit out of range and unknown query parameters with field errors', async () => {
    // Act
    const response = await gateway.api(
      'GET',
      `/accounts/${tenant.accountId}/audit?limit=500&sort=asc`,
      {
        token,
      }
    );

    // Assess
    expect(response.status).toBe(400);
    const fields = (response.body.errors as { field: string }[]).map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['limit', 'sort']));
  });

  it('shows a change the operators made as the helpdesk, never the staff member', async () => {
    // Prepare
    const loaded = await staffCall(
      gateway.url,
      'POST',
      `/staff/accounts/${tenant.accountId}/services`,
      serviceLoad(tenant.contractNumber)
    );

    // Act
    const response = await gateway.api('GET', `/accounts/${tenant.accountId}/audit?limit=1`, {
      token,
    });

    // Assess
    expect(loaded.status).toBe(201);
    expect((response.body.items as Record<string, unknown>[])[0]).toMatchObject({
      actor: { kind: 'staff', name: 'Helpdesk' },
    });
    expect(response.text).not.toMatch(/@staff\.portico|\(staff\)/i);
  });

  it('is for the primary login only, even for a sub-account holding profile', async () => {
    // Prepare
    const sub = await addSubAccountLogin(tenant, ['profile']);
    const subToken = await accessTokenFor(sub.email);

    // Act
    const response = await gateway.api('GET', `/accounts/${tenant.accountId}/audit`, {
      token: subToken,
    });

    // Assess
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ area: 'profile', allowedAreas: ['profile'] });
  });
});
