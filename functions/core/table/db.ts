/**
 * Small helpers every entity and service shares: the checks of pagination
 * start keys, transaction cancellation mapping and id/time generation.
 */
import { randomUUID } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { NativeAttributeValue, TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { BadRequestError } from '../platform/errors.ts';
import { PROBLEM } from '../platform/problem-types.ts';
import { TABLE } from './table.ts';

/** One action of a TransactWriteItems call, as DynamoDB takes it (with its table). */
export type NamedTransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type Unnamed<T> = Omit<NonNullable<T>, 'TableName'>;

/** One action of a TransactWriteItems call, as the entity builders produce them: no table. */
export interface TransactItem {
  Put?: Unnamed<NamedTransactItem['Put']>;
  Update?: Unnamed<NamedTransactItem['Update']>;
  Delete?: Unnamed<NamedTransactItem['Delete']>;
  ConditionCheck?: Unnamed<NamedTransactItem['ConditionCheck']>;
}
export type TransactUpdate = NonNullable<TransactItem['Update']>;

export const newId = (): string => randomUUID();
/** The clock's time (clock.ts), here too for the loaders that read it from db.ts. */
export { nowIso } from '../platform/clock.ts';

export interface Page<T> {
  items: T[];
  cursor: string | null;
}

/**
 * The attributes of every LastEvaluatedKey of a query on `partitionAttribute`:
 * the table's keys, plus the index's when it is an index's partition key.
 */
const cursorKeyAttributes = (partitionAttribute: string): string[] => {
  const index = Object.values(TABLE.indexes).find(
    (candidate) => candidate.partitionKey === partitionAttribute
  );
  const table = [TABLE.partitionKey, TABLE.sortKey];
  return index ? [...table, index.partitionKey, index.sortKey] : table;
};

const hasExactly = (key: object, attributes: readonly string[]) =>
  Object.keys(key).length === attributes.length &&
  attributes.every((attribute) => attribute in key);

/**
 * Where a listing's query reads, so what a start key of it must look like:
 * its partition, and when its key condition also narrows the sort key
 * (`begins_with` or `BETWEEN`), that prefix or inclusive range.
 */
export interface CursorListing {
  partitionAttribute: string;
  partitionValue: string;
  sortRange?:
    | { attribute: string; prefix: string }
    | { attribute: string; from: string; to: string };
}

const inSortRange = (key: Record<string, unknown>, range: CursorListing['sortRange']) => {
  if (!range) return true;
  const value = key[range.attribute];
  if (typeof value !== 'string') return false;
  return 'prefix' in range
    ? value.startsWith(range.prefix)
    : value >= range.from && value <= range.to;
};

/**
 * Checks that a start key belongs to the query it is used with: exactly the
 * query's key attributes, none empty, in its partition and inside its sort
 * range. DynamoDB refuses anything else with an error that would surface as
 * a 500; this makes it a 400.
 */
export const checkCursorKey = (key: unknown, listing: CursorListing): Record<string, unknown> => {
  const valid =
    typeof key === 'object' &&
    key !== null &&
    !Array.isArray(key) &&
    Object.values(key).every((value) => typeof value === 'string' && value !== '') &&
    hasExactly(key, cursorKeyAttributes(listing.partitionAttribute)) &&
    (key as Record<string, unknown>)[listing.partitionAttribute] === listing.partitionValue &&
    inSortRange(key as Record<string, unknown>, listing.sortRange);
  if (!valid)
    throw new BadRequestError(PROBLEM.invalidCursor, 'The cursor is not valid for this list.');
  return key as Record<string, unknown>;
};

interface CancellationReason {
  Code?: string;
  /** The item as it was, for actions sent with `ReturnValuesOnConditionCheckFailure: ALL_OLD`. */
  Item?: Record<string, NativeAttributeValue>;
}

export interface Cancellation {
  code?: string;
  /** The current item behind a failed condition, when the action asked for it. */
  item?: Record<string, unknown>;
}

/**
 * Why a TransactWriteItems was cancelled, by action index, or undefined when
 * the error is not a cancelled transaction. The document client leaves
 * errors as DynamoDB sent them, so returned items are unmarshalled here.
 */
export const cancellations = (error: unknown): Cancellation[] | undefined => {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined;
  const reasons = (error as Error & { CancellationReasons?: CancellationReason[] })
    .CancellationReasons;
  return (reasons ?? []).map((reason) => ({
    code: reason.Code === 'None' ? undefined : reason.Code,
    item: reason.Item ? unmarshall(reason.Item as Record<string, AttributeValue>) : undefined,
  }));
};

/** The cancellation codes of a failed TransactWriteItems, by action index. */
export const cancellationCodes = (error: unknown): (string | undefined)[] | undefined =>
  cancellations(error)?.map((reason) => reason.code);

/** A transaction refused because one of its conditions did not hold (not a conflict or a throttle). */
export const isTransactionConditionFailure = (error: unknown): boolean =>
  cancellations(error)?.some((reason) => reason.code === 'ConditionalCheckFailed') ?? false;

export const isConditionFailure = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException';

/**
 * The item behind a refused single-item write sent with
 * `ReturnValuesOnConditionCheckFailure: ALL_OLD` (undefined when there was
 * none, or the error is not a refused condition).
 */
export const refusedItem = (error: unknown): Record<string, unknown> | undefined => {
  if (!isConditionFailure(error)) return undefined;
  const item = (error as Error & { Item?: Record<string, AttributeValue> }).Item;
  return item ? unmarshall(item) : undefined;
};
