/**
 * Idempotency record: the result of a create that a client tagged with an
 * `Idempotency-Key`, so a retry of the same request (a lost response, a
 * double click) gets that result again instead of a second resource.
 * Written in the create's own transaction; kept for a day (TTL).
 */
import type { PutInput } from '../table/inputs.ts';
import { PREFIX, TABLE } from '../table/table.ts';
import { createPut } from './item-writes.ts';

export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

export interface IdempotencyRecord {
  /** Whose key it is: one login on one account, so keys never collide across callers. */
  scope: string;
  key: string;
  /** Hash of what was asked, so the same key with another request is refused. */
  fingerprint: string;
  result: Record<string, unknown>;
  createdAt: string;
}

export const idempotencyKeys = ({ scope, key }: Pick<IdempotencyRecord, 'scope' | 'key'>) => ({
  [TABLE.partitionKey]: `${PREFIX.idempotency}${scope}#${key}`,
  [TABLE.sortKey]: PREFIX.idempotency.slice(0, -1),
});

/** create: fails when the key was used, handing back the stored record (ALL_OLD). */
export const createIdempotencyPut = (record: IdempotencyRecord): PutInput => ({
  ...createPut({
    ...idempotencyKeys(record),
    entity: 'idempotency',
    ...record,
    [TABLE.ttlAttribute]: Math.floor(Date.parse(record.createdAt) / 1000) + IDEMPOTENCY_TTL_SECONDS,
  }),
  ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
});
