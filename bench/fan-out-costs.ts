/**
 * `npm run bench:fan-out-costs`: what the fan-out's building blocks cost on
 * this machine, one at a time, so the fan-out figures can be explained:
 * DynamoDB Local item writes alone, side by side, in transactions and
 * batches of growing size; and the SES emulator's SendEmail at 1, 8 and 32
 * calls in flight. Prints JSON; writes nothing.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { startSes } from '../local/emulators.ts';
import { findFreePort } from '../local/ports.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../scripts/local-stack/env.ts';
import { startBenchDatabase } from './dynamodb-local.ts';
import { positiveIntFromEnv } from './stats.ts';

const ITEMS = positiveIntFromEnv('BENCH_COSTS_ITEMS', 2000);

/** Runs `calls` calls of `call`, `inFlight` at a time; ms per call and per item. */
const timed = async (
  label: string,
  calls: number,
  itemsPerCall: number,
  inFlight: number,
  call: (index: number) => Promise<unknown>
) => {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < calls) {
        const index = next;
        next += 1;
        await call(index);
      }
    })
  );
  const ms = performance.now() - started;
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    label,
    calls,
    inFlight,
    msPerCall: round(ms / calls),
    msPerItem: round(ms / (calls * itemsPerCall)),
    itemsPerSecond: Math.round((calls * itemsPerCall * 1000) / ms),
  };
};

const item = (run: string, index: number) => ({
  pk: `COST#${run}#${index}`,
  sk: 'ITEM',
  entity: 'cost',
  status: 'queued',
  text: 'x'.repeat(600),
});

const database = await startBenchDatabase();
const ses = await startSes({ port: await findFreePort(), timeoutMs: 60_000 });
const client = new DynamoDBClient({
  region: LOCAL_REGION,
  endpoint: database.endpoint,
  credentials: LOCAL_CREDENTIALS,
});
const dynamo = DynamoDBDocumentClient.from(client);
const TableName = database.tableName;
const sesClient = new SESv2Client({
  region: LOCAL_REGION,
  endpoint: ses.endpoint,
  credentials: LOCAL_CREDENTIALS,
});
try {
  const put = (run: string) => (index: number) =>
    dynamo.send(
      new PutCommand({
        TableName,
        Item: item(run, index),
        ConditionExpression: 'attribute_not_exists(pk)',
      })
    );
  const transact = (run: string, size: number) => (index: number) =>
    dynamo.send(
      new TransactWriteCommand({
        TransactItems: Array.from({ length: size }, (_, at) => ({
          Put: {
            TableName,
            Item: item(run, index * size + at),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        })),
      })
    );
  const batch = (run: string) => (index: number) =>
    dynamo.send(
      new BatchWriteCommand({
        RequestItems: {
          [TableName]: Array.from({ length: 25 }, (_, at) => ({
            PutRequest: { Item: item(run, index * 25 + at) },
          })),
        },
      })
    );
  const claim = (run: string) => (index: number) =>
    dynamo.send(
      new UpdateCommand({
        TableName,
        Key: { pk: `COST#${run}#${index}`, sk: 'ITEM' },
        UpdateExpression: 'SET #status = :to',
        ConditionExpression: '#status = :from',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':to': 'sending', ':from': 'queued' },
      })
    );
  const send = (index: number) =>
    sesClient.send(
      new SendEmailCommand({
        FromEmailAddress: 'bench@portico.example',
        Destination: { ToAddresses: [`cost-${index}@bench.example`] },
        Content: {
          Simple: {
            Subject: { Data: 'Cost' },
            Body: { Text: { Data: 'x'.repeat(600) }, Html: { Data: 'x'.repeat(900) } },
          },
        },
      })
    );
  const dynamoRuns = [
    await timed('PutItem (create)', ITEMS, 1, 1, put('p1')),
    await timed('PutItem (create)', ITEMS, 1, 8, put('p8')),
    await timed('UpdateItem (conditional claim)', ITEMS, 1, 1, claim('p1')),
    await timed('UpdateItem (conditional claim)', ITEMS, 1, 8, claim('p8')),
    await timed('TransactWriteItems of 2', ITEMS / 2, 2, 1, transact('t2', 2)),
    await timed('TransactWriteItems of 10', ITEMS / 10, 10, 1, transact('t10', 10)),
    await timed('TransactWriteItems of 10', ITEMS / 10, 10, 8, transact('t10x8', 10)),
    await timed('TransactWriteItems of 100', ITEMS / 100, 100, 1, transact('t100', 100)),
    await timed('BatchWriteItem of 25', ITEMS / 25, 25, 1, batch('b25')),
    await timed('BatchWriteItem of 25', ITEMS / 25, 25, 8, batch('b25x8')),
  ];
  const sesRuns = [
    await timed('SES SendEmail', 500, 1, 1, send),
    await timed('SES SendEmail', 1000, 1, 8, send),
    await timed('SES SendEmail', 1000, 1, 32, send),
  ];
  process.stdout.write(`${JSON.stringify({ dynamo: dynamoRuns, ses: sesRuns }, null, 2)}\n`);
} finally {
  dynamo.destroy();
  sesClient.destroy();
  await ses.process.stop();
  await database.stop();
}
