/**
 * A traffic load reads the samples and months, then writes them with their
 * differences. Here another load of overlapping samples lands between the
 * two (it runs from the first load's service check, which comes right after
 * its read): the first load's transaction fails whole, it reads again and
 * adds only what is still missing, so the totals count every distinct
 * sample exactly once.
 */
import { describe, expect, it } from 'vitest';
import { fromTrafficMonthItem, trafficMonthKeys } from '#core/entities/traffic-month';
import { tableStore } from '#core/table/function-store';
import { loadTraffic } from '../../functions/staff/traffic-load.ts';
import { trafficSamples } from '../support/loads.ts';
import { addService } from '../support/services.ts';
import { createTenant } from '../support/tenants.ts';

const monthTotals = async (ids: { accountId: string; serviceId: string }, month: string) => {
  const item = await tableStore.get({ Key: trafficMonthKeys(ids, month), ConsistentRead: true });
  return item ? fromTrafficMonthItem(item) : undefined;
};

describe('two traffic loads of the same samples, one landing between the other’s read and write', () => {
  it('retries the stale one and counts each distinct sample once', async () => {
    // Prepare
    const tenant = await createTenant('Trafficrace');
    const service = await addService(tenant, { type: 'serverhousing' });
    const ids = { accountId: tenant.accountId, serviceId: service.id };
    const distinct = trafficSamples(['192.0.2.1', '192.0.2.2'], 30, '2026-04-01T00:00:00.000Z');
    const first = distinct.slice(0, 40);
    const second = distinct.slice(20, 60);
    let checks = 0;
    const landSecondInBetween = async () => {
      checks += 1;
      if (checks === 1) await loadTraffic(tableStore, ids, second, () => undefined);
    };

    // Act
    await loadTraffic(tableStore, ids, first, landSecondInBetween);
    const totals = await monthTotals(ids, '2026-04');

    // Assess
    expect(checks).toBe(2);
    const sum = (key: 'inBytes' | 'outBytes', ip?: string) =>
      distinct.filter((s) => !ip || s.ip === ip).reduce((total, s) => total + s[key], 0);
    expect(totals).toEqual({
      month: '2026-04',
      inBytes: sum('inBytes'),
      outBytes: sum('outBytes'),
      ips: [
        {
          ip: '192.0.2.1',
          inBytes: sum('inBytes', '192.0.2.1'),
          outBytes: sum('outBytes', '192.0.2.1'),
        },
        {
          ip: '192.0.2.2',
          inBytes: sum('inBytes', '192.0.2.2'),
          outBytes: sum('outBytes', '192.0.2.2'),
        },
      ],
    });
  });

  it('gives up after its attempts with a 409, having written nothing of its own', async () => {
    // Prepare: every read of the first load is followed by a change to one of its samples.
    const tenant = await createTenant('Trafficrace');
    const service = await addService(tenant, { type: 'serverhousing' });
    const ids = { accountId: tenant.accountId, serviceId: service.id };
    const batch = trafficSamples(['192.0.2.9'], 4, '2026-04-01T00:00:00.000Z');
    let round = 0;
    const changeOneEachTime = async () => {
      round += 1;
      const [sample] = batch;
      if (sample)
        await loadTraffic(tableStore, ids, [{ ...sample, inBytes: round }], () => undefined);
    };

    // Act
    const loading = loadTraffic(tableStore, ids, batch, changeOneEachTime);

    // Assess
    await expect(loading).rejects.toMatchObject({ statusCode: 409 });
    expect(await monthTotals(ids, '2026-04')).toMatchObject({
      inBytes: round,
      ips: [expect.anything()],
    });
  });
});
