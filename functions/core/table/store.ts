/**
 * The data-access layer under the services: the handful of table
 * operations Portico makes, taking the command inputs the entity modules
 * build. A store is made for one table and names it in every command, so
 * those inputs never do (inputs.ts). Services reach the table only through a TableStore (in a function,
 * `tableStore` of function-store.ts, built once), so their rules can be
 * unit-tested against the in-memory table of test/support and the same cases
 * run against DynamoDB Local (test/integration).
 *
 * Failures keep DynamoDB's own error names and shapes
 * (`ConditionalCheckFailedException`, `TransactionCanceledException` with
 * its reasons), so db.ts reads them the same way from either table.
 */
import {
  BatchGetCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, type NamedTransactItem, type TransactItem } from './db.ts';
import type { DeleteInput, GetInput, PutInput, QueryInput, UpdateInput } from './inputs.ts';

export type StoredItem = Record<string, unknown>;
export type ItemKey = Record<string, unknown>;

export interface QueryPage {
  items: StoredItem[];
  /** Where the next page starts; absent on the last page. */
  lastKey?: ItemKey;
}

export interface TableStore {
  get(input: GetInput): Promise<StoredItem | undefined>;
  /** Consistent reads of every key; the order of the answer is not the keys'. */
  getMany(keys: ItemKey[]): Promise<StoredItem[]>;
  query(input: QueryInput): Promise<QueryPage>;
  put(input: PutInput): Promise<void>;
  update(input: UpdateInput): Promise<void>;
  delete(input: DeleteInput): Promise<void>;
  /** All or nothing: TransactWriteItems. */
  transact(actions: TransactItem[]): Promise<void>;
}

/** Every item of a query, page after page (for the bounded partitions that are read whole). */
export const queryAll = async (store: TableStore, input: QueryInput) => {
  const items: StoredItem[] = [];
  let startKey: ItemKey | undefined;
  do {
    const page = await store.query({ ...input, ExclusiveStartKey: startKey });
    items.push(...page.items);
    startKey = page.lastKey;
  } while (startKey);
  return items;
};

/** One conditional update: true when it applied, false when its condition refused it. */
export const updateIf = async (store: TableStore, input: UpdateInput): Promise<boolean> => {
  try {
    await store.update(input);
    return true;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return false;
  }
};

const MAX_BATCH_ROUNDS = 5;

/** Each action of a transaction with the table it writes to. */
const named = (action: TransactItem, TableName: string): NamedTransactItem => {
  const { Put, Update, Delete, ConditionCheck } = action;
  return {
    ...(Put && { Put: { ...Put, TableName } }),
    ...(Update && { Update: { ...Update, TableName } }),
    ...(Delete && { Delete: { ...Delete, TableName } }),
    ...(ConditionCheck && { ConditionCheck: { ...ConditionCheck, TableName } }),
  };
};

/** One table through the DynamoDB document client. */
export const dynamoTableStore = (
  client: DynamoDBDocumentClient,
  tableName: string
): TableStore => ({
  async get(input) {
    return (await client.send(new GetCommand({ ...input, TableName: tableName }))).Item;
  },
  async getMany(keys) {
    const items: StoredItem[] = [];
    let pending = keys;
    // DynamoDB may hand back UnprocessedKeys under load: those are asked again.
    for (let round = 0; pending.length > 0 && round < MAX_BATCH_ROUNDS; round++) {
      const result = await client.send(
        new BatchGetCommand({
          RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } },
        })
      );
      items.push(...(result.Responses?.[tableName] ?? []));
      pending = result.UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
    if (pending.length > 0) throw new Error('BatchGet left keys unprocessed after retries');
    return items;
  },
  async query(input) {
    const { Items = [], LastEvaluatedKey } = await client.send(
      new QueryCommand({ ...input, TableName: tableName })
    );
    return LastEvaluatedKey ? { items: Items, lastKey: LastEvaluatedKey } : { items: Items };
  },
  async put(input) {
    await client.send(new PutCommand({ ...input, TableName: tableName }));
  },
  async update(input) {
    await client.send(new UpdateCommand({ ...input, TableName: tableName }));
  },
  async delete(input) {
    await client.send(new DeleteCommand({ ...input, TableName: tableName }));
  },
  async transact(actions) {
    await client.send(
      new TransactWriteCommand({
        TransactItems: actions.map((action) => named(action, tableName)),
      })
    );
  },
});
