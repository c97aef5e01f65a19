/**
 * Small helpers every entity and service shares: pagination cursors,
 * transaction cancellation mapping and id/time generation.
 */
import { randomUUID } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { NativeAttributeValue, TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { BadRequestError } from './errors.ts';
import { TABLE } from './table.ts';

/** One action of a TransactWriteItems call, as the entity builders produce them. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
export type TransactUpdate = NonNullable<TransactItem['Update']>;

export const newId = (): string => randomUUID();
export const nowIso = (): string => new Date().toISOString();

export interface Page<T> {
  items: T[];
  cursor: string | null;
}

/** Encodes a LastEvaluatedKey as an opaque base64url cursor. */
export const encodeCursor = (key: Record<string, unknown> | undefined): string | null =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;

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

/**
 * Decodes a cursor and checks it belongs to the query it is used with: a
 * cursor that does not decode, points into another partition, or is not
 * shaped like a key of that query (DynamoDB would refuse it with an error
 * that surfaces as a 500) is a 400.
 */
const hasExactly = (key: object, attributes: readonly string[]) =>
  Object.keys(key).length === attributes.length &&
  attributes.every((attribute) => attribute in key);

/** What a listing's cursors must look like; `sortPrefix` when its query is `begins_with` on the sort key. */
export interface CursorListing {
  partitionAttribute: string;
  partitionValue: string;
  sortPrefix?: { attribute: string; prefix: string };
}

export const decodeCursor = (
  cursor: string | undefined,
  expected: CursorListing
): Record<string, unknown> | undefined => {
  if (!cursor) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new BadRequestError('The cursor is not valid.');
  }
  const valid =
    typeof key === 'object' &&
    key !== null &&
    !Array.isArray(key) &&
    Object.values(key).every((value) => typeof value === 'string' && value !== '') &&
    hasExactly(key, cursorKeyAttributes(expected.partitionAttribute)) &&
    (key as Record<string, unknown>)[expected.partitionAttribute] === expected.partitionValue &&
    // DynamoDB refuses a start key outside the key condition (an error, not a 4xx).
    (!expected.sortPrefix ||
      String((key as Record<string, unknown>)[expected.sortPrefix.attribute]).startsWith(
        expected.sortPrefix.prefix
      ));
  if (!valid) throw new BadRequestError('The cursor is not valid for this list.');
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

export const isConditionFailure = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException';

/** What a cursor of a ranged query must look like to be accepted. */
export interface CursorBounds {
  partitionAttribute: string;
  partitionValue: string;
  /** Every attribute of the query's LastEvaluatedKey: the table's keys, plus the index's. */
  keyAttributes: readonly string[];
  /** The sort attribute the query ranges over, and the range it covers (inclusive). */
  sortAttribute: string;
  from: string;
  to: string;
}

/**
 * Like decodeCursor, and the key must also have exactly the query's key
 * attributes and sit inside its sort range: DynamoDB refuses a start key
 * outside the range with an error that would otherwise surface as a 500.
 */
export const decodeRangeCursor = (
  cursor: string | undefined,
  bounds: CursorBounds
): Record<string, unknown> | undefined => {
  const key = decodeCursor(cursor, bounds);
  if (!key) return undefined;
  const sortValue = key[bounds.sortAttribute] as string | undefined;
  const valid =
    Object.keys(key).length === bounds.keyAttributes.length &&
    bounds.keyAttributes.every((attribute) => attribute in key) &&
    sortValue !== undefined &&
    sortValue >= bounds.from &&
    sortValue <= bounds.to;
  if (!valid) throw new BadRequestError('The cursor is not valid for this list.');
  return key;
};
