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
import { type EntityOf, integer, readItem, text, withDefault } from './attributes.ts';
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

/**
 * The fixed attributes of a trafficMonth item, declared once. The per-IP
 * numbers have names of their own (`in#<ip>`), so their declaration is
 * built from the item (see `ipAttributes`).
 */
const TRAFFIC_MONTH_ATTRIBUTES = {
  /** `YYYY-MM`, UTC. */
  month: text(),
  /** Created by the first `ADD`; read as 0 should an item lack it. */
  inBytes: withDefault(integer(), 0),
  outBytes: withDefault(integer(), 0),
};

/** How many IPs the month holds; absent on a month no IP was added to yet. */
const IP_COUNT_ATTRIBUTES = { ipCount: withDefault(integer(), 0) };

export type TrafficMonth = EntityOf<typeof TRAFFIC_MONTH_ATTRIBUTES> & { ips: IpTraffic[] };

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

const ipsOf = (item: Record<string, unknown>) =>
  Object.keys(item)
    .filter((name) => name.startsWith(IN))
    .map((name) => name.slice(IN.length));

/** The two numbers of each IP the item holds, as a declaration (an `out#` may lag its `in#`). */
const ipAttributes = (ips: readonly string[]) =>
  Object.fromEntries(
    ips.flatMap((ip) => [
      [`${IN}${ip}`, integer()],
      [`${OUT}${ip}`, withDefault(integer(), 0)],
    ])
  );

/** The month's totals; IPs with the most traffic first (ties by address). */
export const fromTrafficMonthItem = (item: Record<string, unknown>): TrafficMonth => {
  const month = readItem('trafficMonth', TRAFFIC_MONTH_ATTRIBUTES, item);
  const names = ipsOf(item);
  const bytes = readItem('trafficMonth', ipAttributes(names), item);
  const ips = names.map((ip) => ({
    ip,
    inBytes: bytes[`${IN}${ip}`] ?? 0,
    outBytes: bytes[`${OUT}${ip}`] ?? 0,
  }));
  const total = (ip: IpTraffic) => ip.inBytes + ip.outBytes;
  ips.sort((a, b) => total(b) - total(a) || a.ip.localeCompare(b.ip));
  return { ...month, ips };
};

/** The month a stored trafficMonth item is of. */
export const monthOfTrafficMonthItem = (item: Record<string, unknown>) =>
  readItem('trafficMonth', { month: TRAFFIC_MONTH_ATTRIBUTES.month }, item).month;

/** The IPs a stored month already holds, and how many its `ipCount` says. */
export const ipsOfTrafficMonth = (item: Record<string, unknown> | undefined) => ({
  ips: new Set(ipsOf(item ?? {})),
  ipCount: readItem('trafficMonth', IP_COUNT_ATTRIBUTES, item ?? {}).ipCount,
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
    Key: trafficMonthKeys(ids, delta.month),
    UpdateExpression:
      'SET #entity = :entity, #accountId = :accountId, #serviceId = :serviceId, ' +
      `#month = :month, #updatedAt = :updatedAt ADD ${adds.join(', ')}`,
    ...(condition ? { ConditionExpression: condition } : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
};
