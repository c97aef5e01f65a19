/**
 * The conditional write shapes the entity modules share. Each entity keeps
 * its own named builders (createContactPut, replaceInvoicePut …) so callers
 * say what they write; those builders say which of these shapes they mean.
 */
import type { TransactUpdate } from '../table/db.ts';
import type { PutInput } from '../table/inputs.ts';
import { TABLE } from '../table/table.ts';

type Item = Record<string, unknown>;
type Key = Record<string, string>;

/** The item must exist and still be at the version it was read at. */
export const atVersionCondition = (expectedVersion: number) => ({
  ConditionExpression: 'attribute_exists(#pk) AND #version = :expected',
  ExpressionAttributeNames: { '#pk': TABLE.partitionKey, '#version': 'version' },
  ExpressionAttributeValues: { ':expected': expectedVersion },
});

/** create: a Put that refuses to overwrite an item with the same key. */
export const createPut = (item: Item): PutInput => ({
  Item: item,
  ConditionExpression: 'attribute_not_exists(#pk)',
  ExpressionAttributeNames: { '#pk': TABLE.partitionKey },
});

/**
 * replace: a Put of the whole new image of an existing item, only if it is
 * still at the version it was read at (so no concurrent change is lost).
 */
export const replacePut = (item: Item, expectedVersion: number): PutInput => ({
  Item: item,
  ...atVersionCondition(expectedVersion),
});

/** `SET #field = :field, …` for every field given a value (undefined ones are left alone). */
const setFields = (fields: Item) => {
  const given = Object.entries(fields).filter(([, value]) => value !== undefined);
  return {
    sets: given.map(([field]) => `#${field} = :${field}`),
    names: Object.fromEntries(given.map(([field]) => [`#${field}`, field])),
    values: Object.fromEntries(given.map(([field, value]) => [`:${field}`, value])),
  };
};

/** patch: sets the given fields, only while the item exists. */
export const patchIfExists = (key: Key, fields: Item): TransactUpdate => {
  const { sets, names, values } = setFields(fields);
  return {
    Key: key,
    UpdateExpression: `SET ${sets.join(', ')}`,
    ConditionExpression: 'attribute_exists(#pk)',
    ExpressionAttributeNames: { '#pk': TABLE.partitionKey, ...names },
    ExpressionAttributeValues: values,
  };
};

/** A condition of the caller's, checked together with the version. */
export interface ExtraCondition {
  expression: string;
  names: Record<string, string>;
  values: Item;
}

/**
 * patch: sets the given fields and moves the item from `expectedVersion` to
 * the next one, only if nobody else moved it first (optimistic concurrency).
 */
export const patchAtVersion = (
  key: Key,
  fields: Item,
  expectedVersion: number,
  extra?: ExtraCondition
): TransactUpdate => {
  const { sets, names, values } = setFields(fields);
  const atVersion = atVersionCondition(expectedVersion);
  return {
    Key: key,
    UpdateExpression: `SET ${[...sets, '#version = :next'].join(', ')}`,
    ConditionExpression: extra
      ? `${atVersion.ConditionExpression} AND ${extra.expression}`
      : atVersion.ConditionExpression,
    ExpressionAttributeNames: { ...atVersion.ExpressionAttributeNames, ...names, ...extra?.names },
    ExpressionAttributeValues: {
      ...atVersion.ExpressionAttributeValues,
      ':next': expectedVersion + 1,
      ...values,
      ...extra?.values,
    },
  };
};
