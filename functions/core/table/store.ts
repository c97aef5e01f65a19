/**
 * The data-access layer under the services: the handful of table
 * operations Portico makes, taking the command inputs the entity modules
 * build. Services reach the table only through a TableStore (in a function,
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
  type DeleteCommandInput,
  type DynamoDBDocumentClient,
  GetCommand,
  type GetCommandInput,
  PutCommand,
  type PutCommandInput,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  UpdateCommand,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, type TransactItem } from './db.ts';

export type StoredItem = Record<string, unknown>;
export type ItemKey = Record<string, unknown>;

export interface QueryPage {
  items: StoredItem[];
  /** Where the next page starts; absent on the last page. */
  lastKey?: ItemKey;
}

export interface TableStore {
  get(input: GetCommandInput): Promise<StoredItem | undefined>;
  /** Consistent reads of every key of one table; the order of the answer is not the keys'. */
  getMany(tableName: string, keys: ItemKey[]): Promise<StoredItem[]>;
  query(input: QueryCommandInput): Promise<QueryPage>;
  put(input: PutCommandInput): Promise<void>;
  update(input: UpdateCommandInput): Promise<void>;
  delete(input: DeleteCommandInput): Promise<void>;
  /** All or nothing: TransactWriteItems. */
  transact(actions: TransactItem[]): Promise<void>;
}

/** Every item of a query, page after page (for the bounded partitions that are read whole). */
export const queryAll = async (store: TableStore, input: QueryCommandInput) => {
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
export const updateIf = async (store: TableStore, input: UpdateCommandInput): Promise<boolean> => {
  try {
    await store.update(input);
    return true;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    return false;
  }
};

const MAX_BATCH_ROUNDS = 5;

/** The table through the DynamoDB document client. */
export const dynamoTableStore = (client: DynamoDBDocumentClient): TableStore => ({
  async get(input) {
    return (await client.send(new GetCommand(input))).Item;
  },
  async getMany(tableName, keys) {
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
    const { Items = [], LastEvaluatedKey } = await client.send(new QueryCommand(input));
    return LastEvaluatedKey ? { items: Items, lastKey: LastEvaluatedKey } : { items: Items };
  },
  async put(input) {
    await client.send(new PutCommand(input));
  },
  async update(input) {
    await client.send(new UpdateCommand(input));
  },
  async delete(input) {
    await client.send(new DeleteCommand(input));
  },
  async transact(actions) {
    await client.send(new TransactWriteCommand({ TransactItems: actions }));
  },
});
