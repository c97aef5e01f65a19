/**
 * A serverhousing service's traffic totals of one UTC month, kept in the
 * service's usage partition (`USAGE#<a>#<s>` / `TRAFFICMONTH#<YYYY-MM>`) by
 * the load that writes the samples, in the same transaction. One item holds
 * the month's in/out bytes and, per IP, two top-level numbers (`in#<ip>`,
 * `out#<ip>`): top-level so that `ADD` creates them on first use, which a
 * nested map path cannot. `ipCount` counts those IPs, so a load can keep
 * the item far below DynamoDB's 400 KB (see MAX_IPS_PER_MONTH).
 */
import type { TransactUpdate } from '../table/db.ts';
import { PREFIX, TABLE } from '../table/table.ts';
import { type ServiceIds, usagePartition } from './usage.ts';

/**
 * The most IPs one service-month holds: an IP costs at most ~110 bytes
 * (two names of up to 44 characters, two numbers), so 1,000 IPs stay
 * near 110 KB, and a month of the samples of 1,000 IPs is one read.
 */
export const MAX_IPS_PER_MONTH = 1000;

export interface IpTraffic {
  ip: string;
  inBytes: number;
  outBytes: number;
}

export interface TrafficMonth {
  /** `YYYY-MM`, UTC. */
  month: string;
  inBytes: number;
  outBytes: number;
  ips: IpTraffic[];
}

const IN = 'in#';
const OUT = 'out#';

/** The UTC month of a normalised instant (`2026-03-01T00:00:00.000Z` → `2026-03`). */
export const monthOf = (at: string) => at.slice(0, 7);

export const trafficMonthKeys = (ids: ServiceIds, month: string) => ({
  [TABLE.partitionKey]: usagePartition(ids),
  [TABLE.sortKey]: `${PREFIX.trafficMonth}${month}`,
});

export const isTrafficMonthItem = (item: Record<string, unknown>) => item.entity === 'trafficMonth';

/** A month nothing was loaded for: zeros, no IPs. */
export const emptyTrafficMonth = (month: string): TrafficMonth => ({
  month,
  inBytes: 0,
  outBytes: 0,
  ips: [],
});

/** The month's totals; IPs with the most traffic first (ties by address). */
export const fromTrafficMonthItem = (item: Record<string, unknown>): TrafficMonth => {
  const ips: IpTraffic[] = [];
  for (const [name, value] of Object.entries(item)) {
    if (!name.startsWith(IN)) continue;
    const ip = name.slice(IN.length);
    ips.push({ ip, inBytes: value as number, outBytes: (item[`${OUT}${ip}`] as number) ?? 0 });
  }
  const total = (ip: IpTraffic) => ip.inBytes + ip.outBytes;
  ips.sort((a, b) => total(b) - total(a) || a.ip.localeCompare(b.ip));
  return {
    month: item.month as string,
    inBytes: (item.inBytes as number) ?? 0,
    outBytes: (item.outBytes as number) ?? 0,
    ips,
  };
};

/** The IPs a stored month already holds, and how many its `ipCount` says. */
export const ipsOfTrafficMonth = (item: Record<string, unknown> | undefined) => ({
  ips: new Set(
    Object.keys(item ?? {})
      .filter((name) => name.startsWith(IN))
      .map((name) => name.slice(IN.length))
  ),
  ipCount: (item?.ipCount as number | undefined) ?? 0,
});

/** What one load adds to one month: differences, possibly negative (a corrected sample). */
export interface TrafficMonthDelta {
  month: string;
  inBytes: number;
  outBytes: number;
  /** Per IP; every IP new to the month is here, even with 0 bytes, so it appears. */
  ips: Map<string, { inBytes: number; outBytes: number }>;
  /** IPs the month did not hold yet, and how many it held when read. */
  newIps: number;
  ipCountBefore: number;
}

/**
 * upsert with `ADD`: adds the differences, creating the item and the IP
 * attributes on first use, so concurrent loads never lose bytes. When the
 * load brings new IPs, the IP count must still be the one it read (or the
 * item still absent), so two loads cannot both count one new IP, nor
 * together pass MAX_IPS_PER_MONTH.
 */
export const addToTrafficMonthUpdate = (
  tableName: string,
  ids: ServiceIds,
  delta: TrafficMonthDelta,
  updatedAt: string
): TransactUpdate => {
  const names: Record<string, string> = {
    '#entity': 'entity',
    '#accountId': 'accountId',
    '#serviceId': 'serviceId',
    '#month': 'month',
    '#updatedAt': 'updatedAt',
    '#in': 'inBytes',
    '#out': 'outBytes',
  };
  const values: Record<string, unknown> = {
    ':entity': 'trafficMonth',
    ':accountId': ids.accountId,
    ':serviceId': ids.serviceId,
    ':month': delta.month,
    ':updatedAt': updatedAt,
    ':in': delta.inBytes,
    ':out': delta.outBytes,
  };
  const adds = ['#in :in', '#out :out'];
  [...delta.ips].forEach(([ip, bytes], n) => {
    names[`#i${n}`] = `${IN}${ip}`;
    names[`#o${n}`] = `${OUT}${ip}`;
    values[`:i${n}`] = bytes.inBytes;
    values[`:o${n}`] = bytes.outBytes;
    adds.push(`#i${n} :i${n}`, `#o${n} :o${n}`);
  });
  let condition: string | undefined;
  if (delta.newIps > 0) {
    names['#ipCount'] = 'ipCount';
    values[':newIps'] = delta.newIps;
    adds.push('#ipCount :newIps');
    if (delta.ipCountBefore === 0) {
      names['#pk'] = TABLE.partitionKey;
      condition = 'attribute_not_exists(#pk)';
    } else {
      values[':ipCountBefore'] = delta.ipCountBefore;
      condition = '#ipCount = :ipCountBefore';
    }
  }
  return {
    TableName: tableName,
    Key: trafficMonthKeys(ids, delta.month),
    UpdateExpression:
      'SET #entity = :entity, #accountId = :accountId, #serviceId = :serviceId, ' +
      `#month = :month, #updatedAt = :updatedAt ADD ${adds.join(', ')}`,
    ...(condition ? { ConditionExpression: condition } : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
};
