/**
 * Who may read a serverhousing service's traffic totals and its IP list,
 * and what the others get. The invariants: totals open only to a member
 * of the service's own account holding `usage` (and, for an `isolated`
 * login, only on a service assigned to it); the IP list only to a member
 * holding `services`; every refusal is a problem response carrying no
 * figure and no address of the service.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useGateway } from '../support/gateway.ts';
import { serviceLoad } from '../support/loads.ts';
import { staffCall } from '../support/staff-calls.ts';
import {
  accessTokenFor,
  addSubAccountLogin,
  signedInTenant,
  type Tenant,
} from '../support/tenants.ts';

const gateway = useGateway();
let home: Tenant;
let homeToken: string;
let other: Tenant;
let otherToken: string;
let housingId: string;
let otherHousingId: string;
let vpsId: string;

/** Figures and addresses that must never appear in a refusal. */
const SECRET_IP = '198.51.100.42';
const SECRET_BYTES = 73_104_991;

const staffLoad = async (path: string, body: unknown) => {
  const response = await staffCall(gateway.url, 'POST', path, body);
  expect(response.status, response.text).toBeLessThan(300);
  return response.body;
};

const loadHousing = async (tenant: Tenant) => {
  const housing = await staffLoad(
    `/staff/accounts/${tenant.accountId}/services`,
    serviceLoad(tenant.contractNumber, {
      type: 'serverhousing',
      label: 'Rack 9',
      ips: [SECRET_IP, '2001:0DB8:0::42'],
    })
  );
  await staffLoad(`/staff/accounts/${tenant.accountId}/services/${housing.id}/usage`, {
    traffic: [
      {
        ip: SECRET_IP,
        at: '2026-03-02T00:00:00Z',
        periodSeconds: 3600,
        inBytes: SECRET_BYTES,
        outBytes: 1,
      },
    ],
  });
  return housing.id as string;
};

beforeAll(async () => {
  [{ tenant: home, token: homeToken }, { tenant: other, token: otherToken }] = await Promise.all([
    signedInTenant('Trafficaccess'),
    signedInTenant('Trafficstranger'),
  ]);
  [housingId, otherHousingId] = await Promise.all([loadHousing(home), loadHousing(other)]);
  vpsId = (
    await staffLoad(
      `/staff/accounts/${home.accountId}/services`,
      serviceLoad(home.contractNumber, { type: 'vps', label: 'VPS 1' })
    )
  ).id as string;
});

const totalsPath = (accountId: string, serviceId: string) =>
  `/accounts/${accountId}/services/${serviceId}/traffic/totals?from=2026-03&to=2026-03`;
const ipsPath = (accountId: string, serviceId: string) =>
  `/accounts/${accountId}/services/${serviceId}/ips`;

const expectNothingLeaked = (response: { status: number; text: string; headers: Headers }) => {
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(response.text).not.toContain(SECRET_IP);
  expect(response.text).not.toContain(String(SECRET_BYTES));
  expect(response.text).not.toContain('2001:db8::42');
};

describe('traffic totals and IPs, read by the account', () => {
  it('shows the holder the month’s totals per IP and the service’s IPs in their short form', async () => {
    // Act
    const [totals, ips] = await Promise.all([
      gateway.api('GET', totalsPath(home.accountId, housingId), { token: homeToken }),
      gateway.api('GET', ipsPath(home.accountId, housingId), { token: homeToken }),
    ]);

    // Assess
    expect(totals.status, totals.text).toBe(200);
    expect(totals.body.months).toEqual([
      {
        month: '2026-03',
        inBytes: SECRET_BYTES,
        outBytes: 1,
        ips: [{ ip: SECRET_IP, inBytes: SECRET_BYTES, outBytes: 1 }],
      },
    ]);
    expect(ips.status, ips.text).toBe(200);
    expect(ips.body).toEqual({ items: [{ ip: SECRET_IP }, { ip: '2001:db8::42' }], cursor: null });
  });

  it('answers 409 for a service of another type, and 404 for a domain or an unknown id', async () => {
    // Prepare
    const domain = await staffLoad(
      `/staff/accounts/${home.accountId}/services`,
      serviceLoad(home.contractNumber, { type: 'domain', label: 'traffic-access.example' })
    );

    // Act
    const answers = await Promise.all(
      [vpsId, domain.id as string, 'no-such-service'].flatMap((id) => [
        gateway.api('GET', totalsPath(home.accountId, id), { token: homeToken }),
        gateway.api('GET', ipsPath(home.accountId, id), { token: homeToken }),
      ])
    );

    // Assess
    expect(answers.map((answer) => answer.status)).toEqual([409, 409, 404, 404, 404, 404]);
    expect(answers[0]?.body.detail).toContain('vps');
  });
});

describe('traffic totals and IPs, refused to everyone else', () => {
  it('refuses another account’s customer: 404, as if the account did not exist', async () => {
    // Act
    const answers = await Promise.all([
      gateway.api('GET', totalsPath(home.accountId, housingId), { token: otherToken }),
      gateway.api('GET', ipsPath(home.accountId, housingId), { token: otherToken }),
    ]);

    // Assess
    for (const answer of answers) {
      expect(answer.status, answer.text).toBe(404);
      expectNothingLeaked(answer);
    }
  });

  it('refuses a guessed service id of another account in one’s own account path: 404', async () => {
    // Act
    const answers = await Promise.all([
      gateway.api('GET', totalsPath(home.accountId, otherHousingId), { token: homeToken }),
      gateway.api('GET', ipsPath(home.accountId, otherHousingId), { token: homeToken }),
      gateway.api('GET', `/accounts/${home.accountId}/services/${otherHousingId}/traffic`, {
        token: homeToken,
      }),
    ]);

    // Assess
    const [totals, ips, samples] = answers;
    for (const answer of [totals, ips]) {
      expect(answer?.status, answer?.text).toBe(404);
      if (answer) expectNothingLeaked(answer);
    }
    expect(samples?.body).toEqual({ items: [], cursor: null });
  });

  it('refuses a sub-account without `usage` (totals) or without `services` (IPs): 403 naming the area', async () => {
    // Prepare
    const [servicesOnly, usageOnly] = await Promise.all([
      addSubAccountLogin(home, ['services']),
      addSubAccountLogin(home, ['usage']),
    ]);
    const [servicesToken, usageToken] = await Promise.all([
      accessTokenFor(servicesOnly.email),
      accessTokenFor(usageOnly.email),
    ]);

    // Act
    const totals = await gateway.api('GET', totalsPath(home.accountId, housingId), {
      token: servicesToken,
    });
    const ips = await gateway.api('GET', ipsPath(home.accountId, housingId), { token: usageToken });
    const ownTotals = await gateway.api('GET', totalsPath(home.accountId, housingId), {
      token: usageToken,
    });

    // Assess
    expect(totals.status).toBe(403);
    expect(totals.body).toMatchObject({ area: 'usage', allowedAreas: ['services'] });
    expectNothingLeaked(totals);
    expect(ips.status).toBe(403);
    expect(ips.body).toMatchObject({ area: 'services', allowedAreas: ['usage'] });
    expectNothingLeaked(ips);
    expect(ownTotals.status, ownTotals.text).toBe(200);
  });

  it('refuses an isolated support contact the usage of a service not assigned to it: 403', async () => {
    // Prepare: `usage` granted, but support narrowed to the VPS.
    const isolated = await addSubAccountLogin(home, ['usage', 'services'], 'active', {
      scope: 'isolated',
      services: [{ id: vpsId, type: 'vps' }],
    });
    const token = await accessTokenFor(isolated.email);
    const usagePaths = [
      totalsPath(home.accountId, housingId),
      `/accounts/${home.accountId}/services/${housingId}/traffic`,
      `/accounts/${home.accountId}/services/${housingId}/calls`,
    ];

    // Act
    const refused = await Promise.all(
      usagePaths.map((path) => gateway.api('GET', path, { token }))
    );
    const ownService = await gateway.api('GET', totalsPath(home.accountId, vpsId), { token });

    // Assess
    for (const answer of refused) {
      expect(answer.status, answer.text).toBe(403);
      expect(answer.body).toMatchObject({ area: 'usage', allowedAreas: ['services', 'usage'] });
      expectNothingLeaked(answer);
    }
    // Its own service is reached (and answered: a VPS has no traffic).
    expect(ownService.status, ownService.text).toBe(409);
  });
});

describe('IPs loaded with a serverhousing service', () => {
  it('rewrites the list on a reload, and refuses IPs on other types or listed twice', async () => {
    // Prepare
    const body = serviceLoad(home.contractNumber, { type: 'serverhousing', ips: ['192.0.2.1'] });
    const path = `/staff/accounts/${home.accountId}/services`;
    const created = await staffLoad(path, body);

    // Act
    const reloaded = await staffCall(gateway.url, 'POST', path, {
      ...body,
      ips: ['192.0.2.2', '2001:db8::1'],
    });
    const listed = await gateway.api('GET', ipsPath(home.accountId, created.id as string), {
      token: homeToken,
    });
    const onHosting = await staffCall(
      gateway.url,
      'POST',
      path,
      serviceLoad(home.contractNumber, { type: 'hosting', ips: ['192.0.2.3'] })
    );
    const twice = await staffCall(gateway.url, 'POST', path, {
      ...body,
      ips: ['2001:db8::1', '2001:DB8:0::1'],
    });

    // Assess
    expect(reloaded.status, reloaded.text).toBe(200);
    expect(reloaded.body.ips).toEqual(['192.0.2.2', '2001:db8::1']);
    expect(listed.body.items).toEqual([{ ip: '192.0.2.2' }, { ip: '2001:db8::1' }]);
    expect(onHosting.status).toBe(400);
    expect(onHosting.body.errors).toEqual([expect.objectContaining({ field: 'ips' })]);
    expect(twice.status).toBe(400);
    expect(twice.body.errors).toEqual([expect.objectContaining({ field: 'ips.1' })]);
  });
});
