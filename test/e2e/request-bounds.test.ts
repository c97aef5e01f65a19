/**
 * Every request field and parameter is bounded, and the API enforces the
 * bounds the OpenAPI document shows: a string too long, an array too big
 * or an integer out of range is a 400 problem naming the field, before
 * anything is written; a path id not shaped like one is a 404. Invariants:
 * no bound ever ends in a 5xx, a refused write changes nothing, and a
 * caller who is not a member learns nothing from the bounds (the
 * membership check comes first).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '#core/rules/permissions';
import { disableStaff } from '../../scripts/staff/commands.ts';
import { useGateway } from '../support/gateway.ts';
import type { ApiResponse } from '../support/http.ts';
import { accountLoad, callRecords, trafficSamples } from '../support/loads.ts';
import { addService } from '../support/services.ts';
import { createStaffLogin, staffAdmin, staffTokensFor } from '../support/staff.ts';
import { staffCall } from '../support/staff-calls.ts';
import { addContact, signedInTenant, type Tenant } from '../support/tenants.ts';

const gateway = useGateway();
const { api } = gateway;
let tenant: Tenant;
let token: string;

beforeAll(async () => {
  ({ tenant, token } = await signedInTenant('Bounds'));
});

const fieldsOf = (response: ApiResponse) =>
  ((response.body.errors ?? []) as { field: string }[]).map((error) => error.field);

const expectFieldRefused = (response: ApiResponse, field: string) => {
  expect(response.status, response.text).toBe(400);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(fieldsOf(response)).toContain(field);
};

describe('strings longer than their bound', () => {
  it('refuse the body with 400 naming the field, and change nothing', async () => {
    // Prepare
    const { contactId } = await addContact(tenant);
    const contact = `/accounts/${tenant.accountId}/contacts/${contactId}`;
    const before = await api('GET', contact, { token });

    // Act
    const tooLong = await api('PATCH', contact, {
      token,
      body: { address: { ...(before.body.address as object), line1: 'x'.repeat(201) } },
    });
    const after = await api('GET', contact, { token });

    // Assess
    expectFieldRefused(tooLong, 'address.line1');
    expect(after.body).toEqual(before.body);
  });

  it('refuse a query parameter and an operator’s id the same way', async () => {
    // Act
    const cursor = await api(
      'GET',
      `/accounts/${tenant.accountId}/contacts?cursor=${'A'.repeat(2049)}`,
      {
        token,
      }
    );
    const load = await staffCall(
      gateway.url,
      'POST',
      '/staff/accounts',
      accountLoad({ externalId: 'X'.repeat(101) })
    );

    // Assess
    expectFieldRefused(cursor, 'cursor');
    expectFieldRefused(load, 'externalId');
  });
});

describe('arrays bigger than their bound', () => {
  it('refuse more permissions than there are areas, more contracts and more records', async () => {
    // Prepare
    const { contactId } = await addContact(tenant);
    const voip = await addService(tenant, { type: 'voip' });
    const contracts = Array.from({ length: 51 }, (_, index) => `C-${index}`);

    // Act
    const permissions = await api(
      'PUT',
      `/accounts/${tenant.accountId}/contacts/${contactId}/sub-account`,
      { token, body: { permissions: [...AREAS, 'profile'], invite: true } }
    );
    const account = await staffCall(
      gateway.url,
      'POST',
      '/staff/accounts',
      accountLoad({ contractNumbers: contracts })
    );
    const usage = await staffCall(
      gateway.url,
      'POST',
      `/staff/accounts/${tenant.accountId}/services/${voip.id}/usage`,
      { calls: callRecords(101) }
    );
    const contactAfter = await api('GET', `/accounts/${tenant.accountId}/contacts/${contactId}`, {
      token,
    });

    // Assess
    expectFieldRefused(permissions, 'permissions');
    expectFieldRefused(account, 'contractNumbers');
    expectFieldRefused(usage, 'calls');
    expect(contactAfter.body.subAccount).toBeNull();
  });
});

describe('integers out of their range', () => {
  it('refuse a limit over its maximum, in the query, for each kind of list', async () => {
    // Prepare
    const voip = await addService(tenant, { type: 'voip' });

    // Act
    const contacts = await api('GET', `/accounts/${tenant.accountId}/contacts?limit=101`, {
      token,
    });
    const calls = await api(
      'GET',
      `/accounts/${tenant.accountId}/services/${voip.id}/calls?limit=501`,
      { token }
    );
    const longest = await api(
      'GET',
      `/accounts/${tenant.accountId}/services/${voip.id}/calls?limit=500`,
      { token }
    );

    // Assess
    expectFieldRefused(contacts, 'limit');
    expectFieldRefused(calls, 'limit');
    expect(longest.status, longest.text).toBe(200);
  });

  it('refuse a version, a duration and a byte count out of range, writing nothing', async () => {
    // Prepare
    const { contactId } = await addContact(tenant);
    const contact = `/accounts/${tenant.accountId}/contacts/${contactId}`;
    const voip = await addService(tenant, { type: 'voip' });
    const housing = await addService(tenant, { type: 'serverhousing' });
    const [call] = callRecords(1);
    const [sample] = trafficSamples(['192.0.2.10'], 1);
    const usage = (serviceId: string) =>
      `/staff/accounts/${tenant.accountId}/services/${serviceId}/usage`;

    // Act
    const version = await api('PATCH', contact, {
      token,
      body: { firstName: 'Never', version: 2 ** 31 },
    });
    const duration = await staffCall(gateway.url, 'POST', usage(voip.id), {
      calls: [{ ...call, durationSeconds: 31 * 24 * 3600 + 1 }],
    });
    const bytes = await staffCall(gateway.url, 'POST', usage(housing.id), {
      traffic: [{ ...sample, inBytes: 2 ** 53 }],
    });
    const stored = await api('GET', `/accounts/${tenant.accountId}/services/${voip.id}/calls`, {
      token,
    });
    const after = await api('GET', contact, { token });

    // Assess
    expectFieldRefused(version, 'version');
    expectFieldRefused(duration, 'calls.0.durationSeconds');
    expectFieldRefused(bytes, 'traffic.0.inBytes');
    expect(stored.body.items).toEqual([]);
    expect(after.body.firstName).toBe('Plain');
  });
});

describe('path ids not shaped like an id', () => {
  it('answer 404 as for an id that names nothing, never a 5xx', async () => {
    // Prepare
    const a = tenant.accountId;
    const paths = [
      `/accounts/${'a'.repeat(101)}`,
      `/accounts/${a}%20x/contacts`,
      `/accounts/${a}/contacts/${'c'.repeat(101)}`,
      `/accounts/${a}/tickets/01hzzzzzzzzzzzzzzzzzzzzzzz`,
      `/accounts/${a}/invoices/INV%2B1`,
    ];

    // Act
    const responses = await Promise.all(paths.map((path) => api('GET', path, { token })));
    const external = await staffCall(gateway.url, 'GET', '/staff/external-ids/accounts/CRM-1');

    // Assess
    for (const response of [...responses, external]) {
      expect(response.status, response.text).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});

describe('a staff login sending a malformed path id', () => {
  it('hears 401 first when disabled, and 404 while active', async () => {
    // Prepare
    const login = await createStaffLogin('malformed-ids');
    const { AccessToken: token } = await staffTokensFor(login);
    const send = () =>
      Promise.all([
        gateway.api('GET', '/staff/tickets/not-a-ticket', { token }),
        gateway.api('GET', '/staff/external-ids/accounts/CRM-1', { token }),
        gateway.api('POST', `/staff/accounts/${'a'.repeat(101)}/invoices`, { token, body: {} }),
      ]);
    const active = await send();

    // Act
    await disableStaff(staffAdmin(), login.username);
    const disabled = await send();

    // Assess
    expect(active.map((response) => response.status)).toEqual([404, 404, 404]);
    expect(disabled.map((response) => response.status)).toEqual([401, 401, 401]);
  });
});

describe('If-Match', () => {
  it('is refused when malformed on a route that honours it, and ignored elsewhere', async () => {
    // Prepare
    const { contactId } = await addContact(tenant);
    const headers = { 'if-match': 'not-an-etag' };

    // Act
    const write = await api('PATCH', `/accounts/${tenant.accountId}/contacts/${contactId}`, {
      token,
      headers,
      body: { firstName: 'Never' },
    });
    const me = await api('GET', '/me', { token, headers });

    // Assess
    expect(write.status, write.text).toBe(400);
    expect(me.status, me.text).toBe(200);
  });
});

describe('a caller who is not a member', () => {
  it('gets the same 404 whatever it sends to another account: bounds are checked after membership', async () => {
    // Prepare
    const { token: stranger } = await signedInTenant('BoundsStranger');
    const { contactId } = await addContact(tenant);
    const contact = `/accounts/${tenant.accountId}/contacts/${contactId}`;

    // Act
    const wellFormed = await api('PATCH', contact, { token: stranger, body: { firstName: 'Eve' } });
    const tooLong = await api('PATCH', contact, {
      token: stranger,
      body: { firstName: 'E'.repeat(10_000) },
    });
    const badLimit = await api('GET', `/accounts/${tenant.accountId}/contacts?limit=9999`, {
      token: stranger,
    });

    // Assess
    for (const response of [wellFormed, tooLong, badLimit]) {
      expect(response.status, response.text).toBe(404);
      expect(response.body.errors).toBeUndefined();
    }
    expect(tooLong.body.detail).toBe(wellFormed.body.detail);
  });
});
