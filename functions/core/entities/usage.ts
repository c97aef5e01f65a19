/**
 * Usage records of one service, in a partition of their own
 * (`USAGE#<a>#<s>`): VoIP call records and serverhousing traffic samples
 * grow without bound, so they never sit in the account partition. Sort keys
 * start with the record's time, so every listing is a key range by time.
 * Index `trafficByIp` (gsi1) holds one IP's samples of a service by time.
 * A service's monthly traffic totals share the partition (traffic-month.ts).
 */
import type { CursorListing } from '../table/db.ts';
import type { PutInput, QueryInput } from '../table/inputs.ts';
import { PREFIX, TABLE } from '../table/table.ts';
import {
  attributesOf,
  type EntityOf,
  integer,
  oneOf,
  optional,
  readItem,
  text,
} from './attributes.ts';

export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;

/** What a call record item holds, declared once: the type and the item mapping derive from it. */
export const CALL_ATTRIBUTES = {
  /** The switch's record id; with `startedAt`, what a reload is recognised by. */
  id: text(),
  /** ISO 8601 UTC with milliseconds, so text order is time order. */
  startedAt: text(),
  direction: oneOf(CALL_DIRECTIONS),
  from: text(),
  to: text(),
  durationSeconds: integer(),
  charge: optional(text()),
  currency: optional(text()),
};

export type CallRecord = EntityOf<typeof CALL_ATTRIBUTES>;

/** What a traffic sample item holds, declared once: the type and the item mapping derive from it. */
export const TRAFFIC_ATTRIBUTES = {
  ip: text(),
  /** Start of the measured period, ISO 8601 UTC with milliseconds. */
  at: text(),
  periodSeconds: integer(),
  inBytes: integer(),
  outBytes: integer(),
};

export type TrafficSample = EntityOf<typeof TRAFFIC_ATTRIBUTES>;

export interface ServiceIds {
  accountId: string;
  serviceId: string;
}

/** A time window `[from, to)`; either end open when absent. */
export interface TimeWindow {
  from?: string;
  to?: string;
}

export const usagePartition = ({ accountId, serviceId }: ServiceIds) =>
  `${PREFIX.usage}${accountId}#${serviceId}`;

const trafficOfIpPartition = (ids: ServiceIds, ip: string) => `${usagePartition(ids)}#IP#${ip}`;

/** Above every ISO timestamp: closes a window with no `to`. */
const END_OF_TIME = '\uffff';

export const callKeys = (ids: ServiceIds, call: Pick<CallRecord, 'startedAt' | 'id'>) => ({
  [TABLE.partitionKey]: usagePartition(ids),
  [TABLE.sortKey]: `${PREFIX.call}${call.startedAt}#${call.id}`,
});

export const trafficKeys = (ids: ServiceIds, sample: Pick<TrafficSample, 'at' | 'ip'>) => ({
  [TABLE.partitionKey]: usagePartition(ids),
  [TABLE.sortKey]: `${PREFIX.traffic}${sample.at}#${sample.ip}`,
});

/**
 * upsert, on purpose: a record is a fact keyed by its time and id, and
 * loading it again (a corrected export) replaces it rather than adding one.
 */
export const upsertCallPut = (ids: ServiceIds, call: CallRecord, loadedAt: string): PutInput => ({
  Item: {
    ...callKeys(ids, call),
    entity: 'call',
    ...ids,
    ...attributesOf(CALL_ATTRIBUTES, call),
    loadedAt,
  },
});

/**
 * A stored sample as a load read it before replacing it: absent, counted in
 * its month's totals (with the bytes it counted), or stored before monthly
 * totals existed (so it counts for nothing yet).
 */
export type SampleBefore =
  | { state: 'absent' }
  | { state: 'counted'; inBytes: number; outBytes: number }
  | { state: 'uncounted' };

/** Marks a sample whose bytes are in its month's totals. */
const COUNTED = 'inMonthTotals';

/** The bytes a counted sample added to its month: all a load needs of it. */
const COUNTED_BYTES = {
  inBytes: TRAFFIC_ATTRIBUTES.inBytes,
  outBytes: TRAFFIC_ATTRIBUTES.outBytes,
};

export const sampleBefore = (item: Record<string, unknown> | undefined): SampleBefore => {
  if (!item) return { state: 'absent' };
  if (item[COUNTED] !== true) return { state: 'uncounted' };
  return { state: 'counted', ...readItem('traffic', COUNTED_BYTES, item) };
};

const unchangedSince = (
  before: SampleBefore
): Pick<
  PutInput,
  'ConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'
> => {
  if (before.state === 'absent') {
    return {
      ConditionExpression: 'attribute_not_exists(#pk)',
      ExpressionAttributeNames: { '#pk': TABLE.partitionKey },
    };
  }
  if (before.state === 'uncounted') {
    return {
      ConditionExpression: 'attribute_exists(#pk) AND attribute_not_exists(#counted)',
      ExpressionAttributeNames: { '#pk': TABLE.partitionKey, '#counted': COUNTED },
    };
  }
  return {
    ConditionExpression: '#in = :in AND #out = :out AND #counted = :counted',
    ExpressionAttributeNames: { '#in': 'inBytes', '#out': 'outBytes', '#counted': COUNTED },
    ExpressionAttributeValues: { ':in': before.inBytes, ':out': before.outBytes, ':counted': true },
  };
};

/**
 * replace, on condition that the sample is still as the load read it: one
 * sample per IP and period start, so a reload replaces it, and the month's
 * totals (updated in the same transaction) move by exactly the difference.
 * A concurrent load that changed it meanwhile fails the condition.
 */
export const replaceTrafficPut = (
  ids: ServiceIds,
  sample: TrafficSample,
  loadedAt: string,
  before: SampleBefore
): PutInput => ({
  Item: {
    ...trafficKeys(ids, sample),
    [TABLE.indexes.gsi1.partitionKey]: trafficOfIpPartition(ids, sample.ip),
    [TABLE.indexes.gsi1.sortKey]: trafficKeys(ids, sample)[TABLE.sortKey],
    entity: 'traffic',
    ...ids,
    ...attributesOf(TRAFFIC_ATTRIBUTES, sample),
    [COUNTED]: true,
    loadedAt,
  },
  ...unchangedSince(before),
});

export const isTrafficItem = (item: Record<string, unknown>) => item.entity === 'traffic';

export const toCallView = (item: Record<string, unknown>): CallRecord =>
  readItem('call', CALL_ATTRIBUTES, item);

export const toTrafficView = (item: Record<string, unknown>): TrafficSample =>
  readItem('traffic', TRAFFIC_ATTRIBUTES, item);

interface PageRequest {
  limit: number;
  startKey?: Record<string, unknown>;
}

/** A listing whose sort key ranges over a window: the query and the cursors it accepts. */
export interface UsageRange extends CursorListing {
  sortRange: { attribute: string; from: string; to: string };
}

/**
 * Where a listing starts and ends, and what its cursors look like. Sort keys
 * are `<PREFIX><time>#<id>`, so `<PREFIX><to>` sorts before every record at
 * `to` itself: BETWEEN gives the half-open window `[from, to)`.
 */
const range = (
  partition: { attribute: string; value: string },
  sortAttribute: string,
  prefix: string,
  window: TimeWindow
): UsageRange => ({
  partitionAttribute: partition.attribute,
  partitionValue: partition.value,
  sortRange: {
    attribute: sortAttribute,
    from: `${prefix}${window.from ?? ''}`,
    to: `${prefix}${window.to ?? END_OF_TIME}`,
  },
});

const tableRange = (ids: ServiceIds, prefix: string, window: TimeWindow) =>
  range(
    { attribute: TABLE.partitionKey, value: usagePartition(ids) },
    TABLE.sortKey,
    prefix,
    window
  );

/** The bounds of a calls listing: the query and the cursors it accepts. */
export const callsRange = (ids: ServiceIds, window: TimeWindow) =>
  tableRange(ids, PREFIX.call, window);

/** The bounds of a traffic listing, of one IP (gsi1) or of all (table). */
export const trafficRange = (ids: ServiceIds, window: TimeWindow & { ip?: string }) =>
  window.ip
    ? range(
        { attribute: TABLE.indexes.gsi1.partitionKey, value: trafficOfIpPartition(ids, window.ip) },
        TABLE.indexes.gsi1.sortKey,
        PREFIX.traffic,
        window
      )
    : tableRange(ids, PREFIX.traffic, window);

const rangeQuery = (
  range: UsageRange,
  index: string | undefined,
  page: PageRequest
): QueryInput => ({
  ...(index ? { IndexName: index } : {}),
  KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
  ExpressionAttributeNames: { '#pk': range.partitionAttribute, '#sk': range.sortRange.attribute },
  ExpressionAttributeValues: {
    ':pk': range.partitionValue,
    ':from': range.sortRange.from,
    ':to': range.sortRange.to,
  },
  Limit: page.limit,
  ExclusiveStartKey: page.startKey,
});

/** Access pattern `callsOfService`: one page of call records in `[from, to)`, oldest first. */
export const callsPageQuery = (
  ids: ServiceIds,
  window: TimeWindow,
  page: PageRequest
): QueryInput => ({
  ...rangeQuery(callsRange(ids, window), undefined, page),
  ConsistentRead: true,
});

/**
 * Access patterns `trafficOfService` (table) and `trafficByIp` (gsi1): one
 * page of samples in `[from, to)`, oldest first.
 */
export const trafficPageQuery = (
  ids: ServiceIds,
  window: TimeWindow & { ip?: string },
  page: PageRequest
): QueryInput =>
  window.ip
    ? rangeQuery(trafficRange(ids, window), TABLE.indexes.gsi1.name, page)
    : {
        ...rangeQuery(trafficRange(ids, window), undefined, page),
        ConsistentRead: true,
      };
