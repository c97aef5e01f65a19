/**
 * The table in memory, behind the same TableStore the services use, for
 * unit tests of service rules without an emulator. It keeps DynamoDB's
 * semantics where Portico relies on them: conditional writes, all-or-nothing
 * transactions with their cancellation reasons, one item per key, queries
 * by key condition in sort-key order on the table or an index, Limit before
 * FilterExpression, and LastEvaluatedKey. Like any store it holds one
 * table, so the commands it takes name none. test/integration runs the same
 * cases against DynamoDB Local to keep the two honest.
 */
import { marshall } from '@aws-sdk/util-dynamodb';
import type { TransactItem } from '#core/table/db';
import type { ItemKey, StoredItem, TableStore } from '#core/table/store';
import { TABLE } from '#core/table/table';
import { applyUpdate, type ExpressionContext, meetsCondition } from './expressions.ts';

const keyAttributes = [TABLE.partitionKey, TABLE.sortKey] as const;
const keyOf = (key: ItemKey) => JSON.stringify(keyAttributes.map((attribute) => key[attribute]));

class NamedError extends Error {
  constructor(name: string, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.name = name;
    Object.assign(this, extra);
  }
}

/** DynamoDB's refusal; with `ReturnValuesOnConditionCheckFailure: ALL_OLD`, the item as it is. */
const conditionFailed = (current?: StoredItem, returnValues?: string) =>
  new NamedError(
    'ConditionalCheckFailedException',
    'The conditional request failed',
    returnValues === 'ALL_OLD' && current
      ? { Item: marshall(current, { removeUndefinedValues: true }) }
      : {}
  );

const contextOf = (input: {
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}): ExpressionContext => ({
  names: input.ExpressionAttributeNames,
  values: input.ExpressionAttributeValues,
});

const compareKeys = (left: unknown, right: unknown): number =>
  typeof left === 'number' && typeof right === 'number'
    ? left - right
    : String(left) < String(right)
      ? -1
      : String(left) > String(right)
        ? 1
        : 0;

/** Drops attributes whose value is undefined, as the document client does when told to. */
const stored = (item: StoredItem): StoredItem =>
  structuredClone(
    Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined))
  );

export interface MemoryTableStore extends TableStore {
  /** Every item, for assertions. */
  items(): StoredItem[];
  /** How many calls of each operation were made (the same budget the API counts). */
  calls: Record<'reads' | 'writes', number>;
}

export const memoryTableStore = (): MemoryTableStore => {
  const table = new Map<string, StoredItem>();
  const calls = { reads: 0, writes: 0 };

  /** One write's outcome, checked first so a transaction can refuse all of them together. */
  const planned = (
    action: TransactItem
  ): {
    key: string;
    next: StoredItem | undefined;
    current: StoredItem | undefined;
    ok: boolean;
  } => {
    if (action.Put) {
      const next = stored(action.Put.Item ?? {});
      const current = table.get(keyOf(next));
      return {
        key: keyOf(next),
        next,
        current,
        ok: meetsCondition(action.Put.ConditionExpression, contextOf(action.Put), current),
      };
    }
    if (action.Update) {
      const key = keyOf(action.Update.Key ?? {});
      const current = table.get(key);
      const ok = meetsCondition(
        action.Update.ConditionExpression,
        contextOf(action.Update),
        current
      );
      const base = current ?? structuredClone(action.Update.Key ?? {});
      const next = ok
        ? applyUpdate(action.Update.UpdateExpression ?? '', contextOf(action.Update), base)
        : current;
      return { key, next, current, ok };
    }
    if (action.Delete) {
      const key = keyOf(action.Delete.Key ?? {});
      const current = table.get(key);
      return {
        key,
        next: undefined,
        current,
        ok: meetsCondition(action.Delete.ConditionExpression, contextOf(action.Delete), current),
      };
    }
    if (action.ConditionCheck) {
      const key = keyOf(action.ConditionCheck.Key ?? {});
      const current = table.get(key);
      return {
        key,
        next: current,
        current,
        ok: meetsCondition(
          action.ConditionCheck.ConditionExpression,
          contextOf(action.ConditionCheck),
          current
        ),
      };
    }
    throw new Error('memory table: empty transaction action');
  };

  const commit = (plan: ReturnType<typeof planned>) => {
    if (plan.next === undefined) table.delete(plan.key);
    else table.set(plan.key, plan.next);
  };

  return {
    calls,
    items: () => [...table.values()].map((item) => structuredClone(item)),
    async get(input) {
      calls.reads++;
      const item = table.get(keyOf(input.Key ?? {}));
      return item && structuredClone(item);
    },
    async getMany(keys) {
      calls.reads++;
      return keys.flatMap((key) => {
        const item = table.get(keyOf(key));
        return item ? [structuredClone(item)] : [];
      });
    },
    async query(input) {
      calls.reads++;
      const index = input.IndexName
        ? Object.values(TABLE.indexes).find((candidate) => candidate.name === input.IndexName)
        : { partitionKey: TABLE.partitionKey, sortKey: TABLE.sortKey };
      if (!index) throw new Error(`memory table: no index ${input.IndexName}`);
      const context = contextOf(input);
      const matching = [...table.values()]
        .filter(
          (item) => item[index.partitionKey] !== undefined && item[index.sortKey] !== undefined
        )
        .filter((item) => meetsCondition(input.KeyConditionExpression, context, item))
        .sort(
          (a, b) =>
            compareKeys(a[index.sortKey], b[index.sortKey]) ||
            compareKeys(a[TABLE.sortKey], b[TABLE.sortKey])
        );
      if (input.ScanIndexForward === false) matching.reverse();
      const start = input.ExclusiveStartKey;
      const from = start ? matching.findIndex((item) => keyOf(item) === keyOf(start)) + 1 : 0;
      const limit = input.Limit ?? Number.POSITIVE_INFINITY;
      const read = matching.slice(from, from + limit);
      const more = from + read.length < matching.length || read.length === limit;
      const last = read[read.length - 1];
      const items = read
        .filter((item) => meetsCondition(input.FilterExpression, context, item))
        .map((item) => structuredClone(item));
      if (!more || !last) return { items };
      const lastKey = Object.fromEntries(
        [...keyAttributes, ...(input.IndexName ? [index.partitionKey, index.sortKey] : [])].map(
          (attribute) => [attribute, last[attribute]]
        )
      );
      return { items, lastKey };
    },
    async put(input) {
      calls.writes++;
      const plan = planned({ Put: input as TransactItem['Put'] });
      if (!plan.ok) throw conditionFailed();
      commit(plan);
    },
    async update(input) {
      calls.writes++;
      const plan = planned({ Update: input as TransactItem['Update'] });
      if (!plan.ok) throw conditionFailed(plan.current, input.ReturnValuesOnConditionCheckFailure);
      commit(plan);
    },
    async delete(input) {
      calls.writes++;
      const plan = planned({ Delete: input as TransactItem['Delete'] });
      if (!plan.ok) throw conditionFailed();
      commit(plan);
    },
    async transact(actions) {
      calls.writes++;
      const plans = actions.map(planned);
      const keys = plans.map((plan) => plan.key);
      if (new Set(keys).size !== keys.length)
        throw new NamedError(
          'ValidationException',
          'Transaction request cannot include multiple operations on one item'
        );
      if (plans.every((plan) => plan.ok)) {
        plans.forEach(commit);
        return;
      }
      const CancellationReasons = plans.map((plan, index) => {
        if (plan.ok) return { Code: 'None' };
        const action = actions[index];
        const wantsItem =
          (action?.Put ?? action?.Update ?? action?.Delete ?? action?.ConditionCheck)
            ?.ReturnValuesOnConditionCheckFailure === 'ALL_OLD';
        return wantsItem && plan.current
          ? {
              Code: 'ConditionalCheckFailed',
              Item: marshall(plan.current, { removeUndefinedValues: true }),
            }
          : { Code: 'ConditionalCheckFailed' };
      });
      throw new NamedError('TransactionCanceledException', 'Transaction cancelled', {
        CancellationReasons,
      });
    },
  };
};
