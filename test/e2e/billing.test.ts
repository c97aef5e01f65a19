/**
 * Invoices and usage as a portal reads them: real logins through the local
 * gateway, data loaded the way the operators load it (the staff function).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useGateway } from '../support/gateway.ts';
import { callRecords, invoiceLoad, serviceLoad, trafficSamples } from '../support/loads.ts';
import { staffCall } from '../support/staff-calls.ts';
import {
  accessTokenFor,
  addSubAccountLogin,
  signedInTenant,
  type Tenant,
} from '../support/tenants.ts';

const gateway = useGateway();
let tenant: Tenant;
let token: string;
let voipId: string;
let housingId: string;

const get = (path: string, as = token) =>
  gateway.api('GET', `/accounts/${tenant.accountId}${path}`, { token: as });

const staffPost = async (path: string, body: unknown) => {
  const response = await staffCall(
    gateway.url,
    'POST',
    `/staff/accounts/${tenant.accountId}${path}`,
    body
  );
  expect(response.status, response.text).toBeLessThan(300);
  return response.body;
};

beforeAll(async () => {
  ({ tenant, token } = await signedInTenant('Billing'));
  for (const [number, issuedAt] of [
    ['INV-B-1', '2026-01-01'],
    ['INV-B-3', '2026-03-01'],
    ['INV-B-2', '2026-02-01'],
  ] as const) {
    await staffPost('/invoices', invoiceLoad({ number, issuedAt, dueAt: '2026-04-01' }));
  }
  const contract = tenant.contractNumber;
  voipId = (await staffPost('/services', serviceLoad(contract, { type: 'voip' }))).id as string;
  housingId = (await staffPost('/services', serviceLoad(contract, { type: 'serverhousing' })))
    .id as string;
  await staffPost(`/services/${voipId}/usage`, { calls: callRecords(30) });
  await staffPost(`/services/${housingId}/usage`, {
    traffic: trafficSamples(['192.0.2.10', '192.0.2.11', '2001:DB8:0::1'], 12),
  });
});

describe('invoices', () => {
  it('lists newest first, page by page, without lines', async () => {
    // Act
    const first = await get('/invoices?limit=2');
    const second = await get(`/invoices?limit=2&cursor=${first.body.cursor}`);

    // Assess
    expect(first.status, first.text).toBe(200);
    const numbers = [
      ...(first.body.items as { number: string }[]),
      ...(second.body.items as { number: string }[]),
    ].map((invoice) => invoice.number);
    expect(numbers).toEqual(['INV-B-3', 'INV-B-2', 'INV-B-1']);
    expect(second.body.cursor).toBeNull();
    expect(first.body.items).toEqual([
      expect.not.objectContaining({ lines: expect.anything() }),
      expect.anything(),
    ]);
  });

  it('shows one invoice with its lines, and 404 for a number it does not have', async () => {
    // Act
    const [found, missing] = await Promise.all([
      get('/invoices/INV-B-2'),
      get('/invoices/INV-NOPE'),
    ]);

    // Assess
    expect(found.status, found.text).toBe(200);
    expect(found.body).toEqual({
      number: 'INV-B-2',
      issuedAt: '2026-02-01',
      dueAt: '2026-04-01',
      currency: 'EUR',
      net: '100.00',
      tax: '19.00',
      total: '119.00',
      status: 'open',
      hasPdf: false,
      lines: [
        {
          description: 'Web hosting M, March',
          quantity: 1,
          unitPrice: '100.00',
          net: '100.00',
          tax: '19.00',
          total: '119.00',
        },
      ],
    });
    expect(missing.status).toBe(404);
  });

  it('refuses a sub-account without `invoices`, saying what it may open and whom to ask', async () => {
    // Prepare
    const sub = await addSubAccountLogin(tenant, ['usage', 'profile']);
    const subToken = await accessTokenFor(sub.email);

    // Act
    const [list, detail, usage] = await Promise.all([
      get('/invoices', subToken),
      get('/invoices/INV-B-1', subToken),
      get(`/services/${voipId}/calls?limit=1`, subToken),
    ]);

    // Assess
    for (const refused of [list, detail]) {
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body).toMatchObject({
        area: 'invoices',
        allowedAreas: ['profile', 'usage'],
        // createTenant names the primary `<label> Owner <suffix>`, the suffix also in its email.
        grantedBy: { name: `Billing Owner ${tenant.email.slice('owner-'.length).split('@')[0]}` },
      });
    }
    expect(usage.status).toBe(200);
  });
});

describe('usage', () => {
  it('pages through a window of calls, oldest first, `to` excluded', async () => {
    // Act
    const from = '2026-03-01T09:10:00Z';
    const to = '2026-03-01T09:20:00Z';
    const first = await get(`/services/${voipId}/calls?from=${from}&to=${to}&limit=6`);
    const rest = await get(
      `/services/${voipId}/calls?from=${from}&to=${to}&limit=6&cursor=${first.body.cursor}`
    );

    // Assess
    expect(first.status, first.text).toBe(200);
    const ids = [
      ...(first.body.items as { id: string }[]),
      ...(rest.body.items as { id: string }[]),
    ].map((c) => c.id);
    expect(ids).toEqual(Array.from({ length: 10 }, (_, i) => `call-${i + 10}`));
    expect(rest.body.cursor).toBeNull();
    expect(first.body.items).toContainEqual(
      expect.objectContaining({
        id: 'call-10',
        startedAt: '2026-03-01T09:10:00.000Z',
        durationSeconds: 40,
      })
    );
  });

  it('shows the traffic of every IP or of one, in any IPv6 notation', async () => {
    // Act
    const [all, one, v6] = await Promise.all([
      get(`/services/${housingId}/traffic?limit=500`),
      get(`/services/${housingId}/traffic?ip=192.0.2.11&from=2026-03-01T00:30:00Z`),
      get(`/services/${housingId}/traffic?ip=2001:0db8:0000::0001&limit=2`),
    ]);

    // Assess
    expect(all.status, all.text).toBe(200);
    expect(all.body.items).toHaveLength(36);
    expect(one.status, one.text).toBe(200);
    const samples = one.body.items as { ip: string; at: string }[];
    expect(samples.map((s) => s.ip)).toEqual(Array(6).fill('192.0.2.11'));
    expect(samples[0]?.at).toBe('2026-03-01T00:30:00.000Z');
    expect((v6.body.items as { ip: string }[]).map((s) => s.ip)).toEqual([
      '2001:db8::1',
      '2001:db8::1',
    ]);
    const next = await get(
      `/services/${housingId}/traffic?ip=2001:db8::1&limit=2&cursor=${v6.body.cursor}`
    );
    expect(next.status, next.text).toBe(200);
    expect((next.body.items as { at: string }[]).map((s) => s.at)).toEqual([
      '2026-03-01T00:10:00.000Z',
      '2026-03-01T00:15:00.000Z',
    ]);
  });

  it('answers an empty page for a service without records, and 400 for a bad window or cursor', async () => {
    // Act
    const [none, backwards, notATime, foreignCursor, outOfRange] = await Promise.all([
      get('/services/no-such-service/calls'),
      get(`/services/${voipId}/calls?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z`),
      get(`/services/${voipId}/calls?from=yesterday`),
      get(
        `/services/${voipId}/calls?cursor=${Buffer.from('{"pk":"USAGE#x#y","sk":"CALL#"}').toString('base64url')}`
      ),
      get(
        `/services/${voipId}/calls?from=2026-03-01T09:10:00Z&cursor=${Buffer.from(
          JSON.stringify({
            pk: `USAGE#${tenant.accountId}#${voipId}`,
            sk: 'CALL#2026-01-01T00:00:00.000Z#a',
          })
        ).toString('base64url')}`
      ),
    ]);

    // Assess
    expect([none.status, none.body]).toEqual([200, { items: [], cursor: null }]);
    for (const bad of [backwards, notATime, foreignCursor, outOfRange]) {
      expect(bad.status, bad.text).toBe(400);
    }
  });
});
