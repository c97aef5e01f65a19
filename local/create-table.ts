/**
 * Creates the local table from functions/core/table/table.ts, the same definition
 * the CDK table is derived from, or checks a persisted one still matches it.
 */
import {
  type AttributeDefinition,
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
  type KeySchemaElement,
  ResourceNotFoundException,
  type TableDescription,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { TABLE } from '#core/table/table';
import { LocalStackError } from './errors.ts';

const keySchema = (partitionKey: string, sortKey: string): KeySchemaElement[] => [
  { AttributeName: partitionKey, KeyType: 'HASH' },
  { AttributeName: sortKey, KeyType: 'RANGE' },
];

const stringAttributes = (...names: string[]): AttributeDefinition[] =>
  names.map((AttributeName) => ({ AttributeName, AttributeType: 'S' }));

const indexDefinitions = (): GlobalSecondaryIndex[] =>
  Object.values(TABLE.indexes).map((index) => ({
    IndexName: index.name,
    KeySchema: keySchema(index.partitionKey, index.sortKey),
    // CDK's default projection; entities read whole items from the index.
    Projection: { ProjectionType: 'ALL' },
  }));

/** The CreateTable input for TABLE: on-demand, streams with both images. */
export const tableDefinition = (tableName: string): CreateTableCommandInput => ({
  TableName: tableName,
  BillingMode: 'PAY_PER_REQUEST',
  KeySchema: keySchema(TABLE.partitionKey, TABLE.sortKey),
  AttributeDefinitions: stringAttributes(
    TABLE.partitionKey,
    TABLE.sortKey,
    ...Object.values(TABLE.indexes).flatMap((index) => [index.partitionKey, index.sortKey])
  ),
  GlobalSecondaryIndexes: indexDefinitions(),
  StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
});

const sameKeys = (actual: KeySchemaElement[] | undefined, expected: KeySchemaElement[]) =>
  JSON.stringify(actual?.map((k) => [k.AttributeName, k.KeyType])) ===
  JSON.stringify(expected.map((k) => [k.AttributeName, k.KeyType]));

const describe = async (
  client: DynamoDBClient,
  tableName: string
): Promise<TableDescription | undefined> => {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
};

/**
 * A persisted table keeps its data across `npm start --persist` runs: a GSI
 * added to TABLE since then is created; a changed key schema cannot be
 * migrated in place and stops the start with a clear message.
 */
const reconcile = async (
  client: DynamoDBClient,
  table: TableDescription,
  resetHint: string
): Promise<string[]> => {
  const name = table.TableName ?? '';
  const mismatch = (what: string) =>
    new LocalStackError(
      `the persisted table ${name} does not match functions/core/table/table.ts (${what}); ${resetHint}`
    );
  if (!sameKeys(table.KeySchema, keySchema(TABLE.partitionKey, TABLE.sortKey))) {
    throw mismatch('primary key');
  }
  const added: string[] = [];
  for (const wanted of indexDefinitions()) {
    const existing = table.GlobalSecondaryIndexes?.find((i) => i.IndexName === wanted.IndexName);
    if (existing) {
      if (!sameKeys(existing.KeySchema, wanted.KeySchema ?? [])) {
        throw mismatch(`key of index ${wanted.IndexName}`);
      }
      continue;
    }
    await client.send(
      new UpdateTableCommand({
        TableName: name,
        AttributeDefinitions: stringAttributes(
          ...(wanted.KeySchema ?? []).map((k) => k.AttributeName ?? '')
        ),
        GlobalSecondaryIndexUpdates: [{ Create: wanted }],
      })
    );
    added.push(wanted.IndexName ?? '');
  }
  return added;
};

/** DynamoDB Local accepts the TTL setting (it never deletes expired items). */
const ensureTimeToLive = async (client: DynamoDBClient, tableName: string): Promise<void> => {
  const { TimeToLiveDescription } = await client.send(
    new DescribeTimeToLiveCommand({ TableName: tableName })
  );
  if (TimeToLiveDescription?.TimeToLiveStatus === 'ENABLED') return;
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
    })
  );
};

export const ensureTable = async (
  client: DynamoDBClient,
  tableName: string,
  options: { log: (line: string) => void; resetHint: string }
): Promise<void> => {
  const existing = await describe(client, tableName);
  if (existing) {
    const added = await reconcile(client, existing, options.resetHint);
    options.log(
      `table ${tableName} found${added.length ? `; added index ${added.join(', ')}` : ''}`
    );
  } else {
    await client.send(new CreateTableCommand(tableDefinition(tableName)));
    options.log(`table ${tableName} created`);
  }
  await ensureTimeToLive(client, tableName);
};
