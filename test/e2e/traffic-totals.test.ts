/**
 * Monthly traffic totals as a portal reads them, loaded the way operators
 * load samples. The invariant: a month's totals (of the service and of each
 * IP) equal the sum of the samples stored for it, however often and however
 * concurrently the samples were loaded.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { trafficMonthKeys } from '#core/entities/traffic-month';
import { trafficKeys } from '#core/entities/usage';
import { tableStore } from '#core/table/function-store';
import { useGateway } from '../support/gateway.ts';
import { serviceLoad, trafficSamples } from '../support/loads.ts';
import { staffCall } from '../support/staff-calls.ts';
import { signedInTenant, type Tenant } from '../support/tenants.ts';

type Sample = ReturnType<typeof trafficSamples>[number];
interface Figures {
  inBytes: number;
  outBytes: number;
}
type MonthTotals = Figures & { month: string; ips: ({ ip: string } & Figures)[] };

const gateway = useGateway();
let tenant: Tenant;
let token: string;

beforeAll(async () => {
  ({ tenant, token } = await signedInTenant('Traffic'));
});

const newHousing = async () => {
  const response = await staffCall(
    gateway.url,
    'POST',
    `/staff/accounts/${tenant.accountId}/services`,
    serviceLoad(tenant.contractNumber, { type: 'serverhousing', label: 'Rack 1' })
  );
  expect(response.status, response.text).toBe(201);
  return response.body.id as string;
};

const load = (serviceId: string, traffic: unknown[]) =>
  staffCall(
    gateway.url,
    'POST',
    `/staff/accounts/${tenant.accountId}/services/${serviceId}/usage`,
    { traffic }
  );

const totals = async (serviceId: string, window: string) => {
  const response = await gateway.api(
    'GET',
    `/accounts/${tenant.accountId}/services/${serviceId}/traffic/totals?${window}`,
    { token }
  );
  expect(response.status, response.text).toBe(200);
  return response.body.months as MonthTotals[];
};

/** What the totals must say: per month and per IP, the sums of `samples` (one per ip+at). */
const sums = (samples: readonly Sample[], months: string[]) =>
  months.map((month) => {
    const of = samples.filter((sample) => new Date(sample.at).toISOString().startsWith(month));
    const add = (list: readonly Sample[]) => ({
      inBytes: list.reduce((sum, s) => sum + s.inBytes, 0),
      outBytes: list.reduce((sum, s) => sum + s.outBytes, 0),
    });
    const ips = [...new Set(of.map((sample) => sample.ip))].sort();
    return {
      month,
      ...add(of),
      ips: ips.map((ip) => ({ ip, ...add(of.filter((sample) => sample.ip === ip)) })),
    };
  });

/** The totals with their IPs in address order, to compare with `sums`. */
const byAddress = (months: MonthTotals[]) =>
  months.map((month) => ({
    ...month,
    ips: [...month.ips].sort((a, b) => a.ip.localeCompare(b.ip)),
  }));

describe('GET /accounts/{a}/services/{s}/traffic/totals', () => {
  it('sums each UTC month per service and per IP, biggest IP first, empty months as zeros', async () => {
    // Prepare
    const housing = await newHousing();
    const march = trafficSamples(['192.0.2.10', '192.0.2.11'], 12, '2026-03-01T00:00:00Z');
    // 00:30 at +01:00 is 23:30 UTC the day before: February.
    const edge = [
      {
        ip: '192.0.2.10',
        at: '2026-03-01T00:30:00+01:00',
        periodSeconds: 300,
        inBytes: 7,
        outBytes: 9,
      },
      { ip: '192.0.2.12', at: '2026-02-28T23:55:00Z', periodSeconds: 300, inBytes: 5, outBytes: 1 },
      { ip: '192.0.2.11', at: '2026-03-31T23:55:00Z', periodSeconds: 300, inBytes: 1, outBytes: 0 },
    ];
    expect((await load(housing, march)).status).toBe(200);
    expect((await load(housing, edge)).status).toBe(200);

    // Act
    const months = await totals(housing, 'from=2026-01&to=2026-04');

    // Assess
    expect(byAddress(months)).toEqual(
      sums([...march, ...edge], ['2026-01', '2026-02', '2026-03', '2026-04'])
    );
    expect(months[0]).toEqual({ month: '2026-01', inBytes: 0, outBytes: 0, ips: [] });
    expect(months[2]?.ips.map((ip) => ip.ip)).toEqual(['192.0.2.11', '192.0.2.10']);
  });

  it('counts a batch loaded twice once, and a corrected sample by its difference', async () => {
    // Prepare
    const housing = await newHousing();
    const batch = trafficSamples(['198.51.100.1', '2001:db8::7'], 40, '2026-05-31T22:00:00Z');
    const [first] = batch as [Sample];
    const corrected = { ...first, inBytes: first.inBytes + 500, outBytes: 0 };

    // Act
    const once = await load(housing, batch);
    const twice = await load(housing, batch);
    const afterTwice = await totals(housing, 'from=2026-05&to=2026-06');
    const fix = await load(housing, [corrected]);
    const afterFix = await totals(housing, 'from=2026-05&to=2026-06');

    // Assess
    expect([once.status, twice.status, fix.status]).toEqual([200, 200, 200]);
    expect(byAddress(afterTwice)).toEqual(sums(batch, ['2026-05', '2026-06']));
    expect(byAddress(afterFix)).toEqual(
      sums([corrected, ...batch.slice(1)], ['2026-05', '2026-06'])
    );
  });

  it('counts each distinct sample once when overlapping batches load at the same time', async () => {
    // Prepare: 120 distinct samples across a month boundary, sent as four overlapping batches.
    const housing = await newHousing();
    const distinct = trafficSamples(['203.0.113.1', '203.0.113.2'], 60, '2026-07-31T21:00:00Z');
    const batches = [
      [0, 90],
      [30, 120],
      [15, 105],
      [60, 120],
    ].map(([from, to]) => distinct.slice(from, to));

    // Act
    const answers = await Promise.all(batches.map((batch) => load(housing, batch)));
    const months = await totals(housing, 'from=2026-07&to=2026-08');

    // Assess
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    expect(byAddress(months)).toEqual(sums(distinct, ['2026-07', '2026-08']));
  });

  it('keeps totals equal to the stored samples when concurrent batches disagree', async () => {
    // Prepare: the same 60 samples, with different bytes in each batch.
    const housing = await newHousing();
    const base = trafficSamples(['203.0.113.9'], 60, '2026-09-01T00:00:00Z');
    const variants = [1, 2, 3].map((factor) =>
      base.map((sample) => ({ ...sample, inBytes: sample.inBytes * factor }))
    );

    // Act
    const answers = await Promise.all(variants.map((batch) => load(housing, batch)));
    const months = await totals(housing, 'from=2026-09&to=2026-09');
    const stored = await gateway.api(
      'GET',
      `/accounts/${tenant.accountId}/services/${housing}/traffic?limit=500`,
      { token }
    );

    // Assess
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(byAddress(months)).toEqual(sums(stored.body.items as Sample[], ['2026-09']));
  });

  it('counts a sample stored before monthly totals existed once it is loaded again', async () => {
    // Prepare: a sample as it was stored before totals, without the counted mark.
    const housing = await newHousing();
    const ids = { accountId: tenant.accountId, serviceId: housing };
    const sample = { ip: '192.0.2.77', at: '2026-10-01T00:00:00.000Z', periodSeconds: 300 };
    await tableStore.put({
      Item: {
        ...trafficKeys(ids, sample),
        entity: 'traffic',
        ...ids,
        ...sample,
        inBytes: 10,
        outBytes: 20,
      },
    });

    // Act
    const before = await totals(housing, 'from=2026-10&to=2026-10');
    await load(housing, [{ ...sample, inBytes: 10, outBytes: 20 }]);
    await load(housing, [{ ...sample, inBytes: 10, outBytes: 20 }]);
    const after = await totals(housing, 'from=2026-10&to=2026-10');

    // Assess
    expect(before[0]).toMatchObject({ inBytes: 0, outBytes: 0 });
    expect(after).toEqual([
      {
        month: '2026-10',
        inBytes: 10,
        outBytes: 20,
        ips: [{ ip: '192.0.2.77', inBytes: 10, outBytes: 20 }],
      },
    ]);
  });

  it('refuses a sample of a new IP once a month holds 1,000 IPs, and nothing of its batch lands', async () => {
    // Prepare: a month already at the limit (as 1,000 loaded IPs would leave it).
    const housing = await newHousing();
    const ids = { accountId: tenant.accountId, serviceId: housing };
    await tableStore.put({
      Item: {
        ...trafficMonthKeys(ids, '2026-11'),
        entity: 'trafficMonth',
        month: '2026-11',
        inBytes: 1,
        outBytes: 1,
        ipCount: 1000,
        'in#192.0.2.1': 1,
        'out#192.0.2.1': 1,
      },
    });
    const known = {
      ip: '192.0.2.1',
      at: '2026-11-02T00:00:00Z',
      periodSeconds: 300,
      inBytes: 4,
      outBytes: 4,
    };
    const unknown = { ...known, ip: '192.0.2.2' };

    // Act
    const refused = await load(housing, [known, unknown]);
    const accepted = await load(housing, [known]);
    const months = await totals(housing, 'from=2026-11&to=2026-11');

    // Assess
    expect(refused.status, refused.text).toBe(409);
    expect(refused.body.detail).toContain('1000 IPs');
    expect(accepted.status, accepted.text).toBe(200);
    expect(months[0]).toMatchObject({ inBytes: 5, outBytes: 5 });
  });

  it('answers 400 for a bad or too long window, and defaults to the last 12 months', async () => {
    // Prepare
    const housing = await newHousing();
    const path = `/accounts/${tenant.accountId}/services/${housing}/traffic/totals`;
    const now = new Date().toISOString().slice(0, 7);

    // Act
    const get = (query: string) => gateway.api('GET', `${path}${query}`, { token });
    const fallback = await get('');
    const refused = await Promise.all(
      [
        '?from=2026-03&to=2026-02',
        '?from=2024-01&to=2026-01',
        '?from=2026-13',
        '?ip=192.0.2.1',
      ].map(get)
    );

    // Assess
    expect(fallback.status, fallback.text).toBe(200);
    expect(fallback.body).toMatchObject({ serviceId: housing, to: now });
    expect(fallback.body.months).toHaveLength(12);
    expect(refused.map((bad) => bad.status)).toEqual([400, 400, 400, 400]);
  });
});
