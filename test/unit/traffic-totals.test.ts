import { describe, expect, it } from 'vitest';
import { usageReachRefusal } from '#core/access/reach';
import {
  addToTrafficMonthUpdate,
  fromTrafficMonthItem,
  ipsOfTrafficMonth,
  monthOf,
} from '#core/entities/traffic-month';
import { replaceTrafficPut, type SampleBefore, type TrafficSample } from '#core/entities/usage';
import type { ValidationError } from '#core/platform/errors';
import { reportMonths } from '../../functions/billing/traffic-totals.ts';
import { usageLoadSchema } from '../../functions/staff/schemas.ts';
import { monthDeltas } from '../../functions/staff/traffic-load.ts';

const ids = { accountId: 'a1', serviceId: 's1' };
const sample = (ip: string, at: string, inBytes: number, outBytes = 0): TrafficSample => ({
  ip,
  at,
  periodSeconds: 300,
  inBytes,
  outBytes,
});
const nothingBefore = () => ({ state: 'absent' }) as const;
const emptyMonth = () => ipsOfTrafficMonth(undefined);

describe('what a traffic load adds to its months', () => {
  it('adds new samples whole, per UTC month and per IP, each new IP counted once', () => {
    // Act
    const deltas = monthDeltas(
      [
        sample('192.0.2.1', '2026-03-31T23:55:00.000Z', 10, 1),
        sample('192.0.2.1', '2026-03-31T23:50:00.000Z', 5, 1),
        sample('192.0.2.2', '2026-04-01T00:00:00.000Z', 7, 2),
      ],
      nothingBefore,
      emptyMonth
    );

    // Assess
    expect(deltas).toEqual([
      {
        month: '2026-03',
        inBytes: 15,
        outBytes: 2,
        ips: new Map([['192.0.2.1', { inBytes: 15, outBytes: 2 }]]),
        newIps: 1,
        ipCountBefore: 0,
      },
      {
        month: '2026-04',
        inBytes: 7,
        outBytes: 2,
        ips: new Map([['192.0.2.2', { inBytes: 7, outBytes: 2 }]]),
        newIps: 1,
        ipCountBefore: 0,
      },
    ]);
  });

  it('adds nothing for a reload, the difference for a correction, and all of an uncounted sample', () => {
    // Prepare
    const known = { ips: new Set(['192.0.2.1']), ipCount: 1 };
    const before: Record<string, SampleBefore> = {
      same: { state: 'counted', inBytes: 10, outBytes: 4 },
      fixed: { state: 'counted', inBytes: 10, outBytes: 4 },
      legacy: { state: 'uncounted' },
    };
    const at = {
      same: '2026-03-01T00:00:00.000Z',
      fixed: '2026-03-01T00:05:00.000Z',
      legacy: '2026-03-01T00:10:00.000Z',
    };
    const whichOf = (s: TrafficSample) =>
      (Object.keys(at) as (keyof typeof at)[]).find((key) => at[key] === s.at) ?? 'same';

    // Act
    const reload = monthDeltas(
      [sample('192.0.2.1', at.same, 10, 4)],
      (s) => before[whichOf(s)] as SampleBefore,
      () => known
    );
    const corrections = monthDeltas(
      [sample('192.0.2.1', at.fixed, 7, 4), sample('192.0.2.1', at.legacy, 3, 3)],
      (s) => before[whichOf(s)] as SampleBefore,
      () => known
    );

    // Assess
    expect(reload).toEqual([]);
    expect(corrections).toEqual([
      {
        month: '2026-03',
        inBytes: 0,
        outBytes: 3,
        ips: new Map([['192.0.2.1', { inBytes: 0, outBytes: 3 }]]),
        newIps: 0,
        ipCountBefore: 1,
      },
    ]);
  });
});

describe('traffic items', () => {
  it('replaces a sample only as the load read it', () => {
    // Prepare
    const s = sample('192.0.2.1', '2026-03-01T00:00:00.000Z', 1, 2);

    // Act
    const [absent, counted, uncounted] = (
      [
        { state: 'absent' },
        { state: 'counted', inBytes: 5, outBytes: 6 },
        { state: 'uncounted' },
      ] as SampleBefore[]
    ).map((before) => replaceTrafficPut(ids, s, 'now', before));

    // Assess
    expect(absent?.Item).toMatchObject({ inMonthTotals: true, inBytes: 1, outBytes: 2 });
    expect(absent?.ConditionExpression).toBe('attribute_not_exists(#pk)');
    expect(counted).toMatchObject({
      ConditionExpression: '#in = :in AND #out = :out AND #counted = :counted',
      ExpressionAttributeValues: { ':in': 5, ':out': 6, ':counted': true },
    });
    expect(uncounted?.ConditionExpression).toBe(
      'attribute_exists(#pk) AND attribute_not_exists(#counted)'
    );
  });

  it('adds to a month with ADD, guarding the IP count only when new IPs come', () => {
    // Act
    const first = addToTrafficMonthUpdate(
      ids,
      {
        month: '2026-03',
        inBytes: 3,
        outBytes: 4,
        ips: new Map([['192.0.2.1', { inBytes: 3, outBytes: 4 }]]),
        newIps: 1,
        ipCountBefore: 0,
      },
      'now'
    );
    const later = addToTrafficMonthUpdate(
      ids,
      {
        month: '2026-03',
        inBytes: -1,
        outBytes: 0,
        ips: new Map([['192.0.2.1', { inBytes: -1, outBytes: 0 }]]),
        newIps: 0,
        ipCountBefore: 1,
      },
      'now'
    );

    // Assess
    expect(first.Key).toEqual({ pk: 'USAGE#a1#s1', sk: 'TRAFFICMONTH#2026-03' });
    expect(first.UpdateExpression).toContain(
      'ADD #in :in, #out :out, #i0 :i0, #o0 :o0, #ipCount :newIps'
    );
    expect(first.ExpressionAttributeNames).toMatchObject({
      '#i0': 'in#192.0.2.1',
      '#o0': 'out#192.0.2.1',
    });
    expect(first.ConditionExpression).toBe('attribute_not_exists(#pk)');
    expect(later.ConditionExpression).toBeUndefined();
    expect(later.UpdateExpression).not.toContain('ipCount');
  });

  it('reads a month back with its IPs, the most traffic first', () => {
    // Act
    const month = fromTrafficMonthItem({
      month: '2026-03',
      inBytes: 30,
      outBytes: 3,
      ipCount: 3,
      'in#192.0.2.9': 1,
      'out#192.0.2.9': 1,
      'in#2001:db8::1': 20,
      'out#2001:db8::1': 1,
      'in#192.0.2.1': 9,
      'out#192.0.2.1': 1,
    });

    // Assess
    expect(month.ips.map((ip) => ip.ip)).toEqual(['2001:db8::1', '192.0.2.1', '192.0.2.9']);
    expect(monthOf('2026-03-31T23:59:59.999Z')).toBe('2026-03');
  });
});

describe('the months of a totals report', () => {
  const now = new Date('2026-05-17T12:00:00Z');
  const refusalOf = (query: { from?: string; to?: string }) => {
    try {
      reportMonths(query, now);
      return undefined;
    } catch (error) {
      return JSON.stringify((error as ValidationError).extensions.errors);
    }
  };

  it('defaults to the twelve months up to the current one, across a year boundary', () => {
    // Act
    const months = reportMonths({}, now);

    // Assess
    expect(months).toHaveLength(12);
    expect([months[0], months[11]]).toEqual(['2025-06', '2026-05']);
  });

  it('takes both ends, and refuses a window backwards or over 24 months', () => {
    // Act
    const window = reportMonths({ from: '2025-12', to: '2026-02' }, now);

    // Assess
    expect(window).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(refusalOf({ from: '2026-06' })).toContain('after `to`');
    expect(refusalOf({ from: '2024-01', to: '2026-01' })).toContain('24 months');
    expect(reportMonths({ from: '2024-02', to: '2026-01' }, now)).toHaveLength(24);
  });
});

describe('traffic batches', () => {
  const batch = (count: number, days = 1) =>
    Array.from({ length: count }, (_, n) => ({
      ip: '192.0.2.1',
      at: new Date(Date.UTC(2026, 0, 1) + (n % days) * 31 * 86_400_000 + n * 1000).toISOString(),
      periodSeconds: 1,
      inBytes: 1,
      outBytes: 1,
    }));

  it('takes at most 96 samples of at most 3 UTC months', () => {
    // Act
    const results = [batch(96, 3), batch(97), batch(4, 4)].map(
      (traffic) => usageLoadSchema.safeParse({ traffic }).success
    );

    // Assess
    expect(results).toEqual([true, false, false]);
  });
});

describe('who reads a service’s usage', () => {
  const holder = { role: 'sub-account' as const, permissions: ['usage'] };

  it('narrows only an isolated login, to its assigned services', () => {
    // Act
    const answers = [
      usageReachRefusal({ ...holder, supportScope: 'isolated', supportServiceIds: ['s1'] }, 's1'),
      usageReachRefusal({ ...holder, supportScope: 'isolated', supportServiceIds: ['s1'] }, 's2'),
      usageReachRefusal({ ...holder, supportScope: 'none', supportServiceIds: [] }, 's2'),
      usageReachRefusal({ ...holder, supportScope: 'global', supportServiceIds: [] }, 's2'),
    ];

    // Assess
    expect(answers.map((answer) => answer?.area)).toEqual([
      undefined,
      'usage',
      undefined,
      undefined,
    ]);
  });
});
