/**
 * The local stream poller against DynamoDB Local's stream, on a table of
 * its own: lanes run apart, as Lambda's ParallelizationFactor runs a
 * shard's batches, so a record that waits (a mailer waiting out another
 * sender's lease) holds up its own partition key only.
 */
import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureTable } from '../../local/create-table.ts';
import { laneOf, startStreamPoller } from '../../local/stream-poller.ts';
import { LOCAL_CREDENTIALS } from '../../scripts/local-stack/env.ts';
import { eventually } from '../support/mailbox.ts';

const endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '';
const region = process.env.AWS_REGION ?? 'eu-west-1';
const client = new DynamoDBClient({ endpoint, region, credentials: LOCAL_CREDENTIALS });
const documents = DynamoDBDocumentClient.from(client);
const tableName = `portico-poller-${randomUUID().slice(0, 8)}`;
await ensureTable(client, tableName, { log: () => undefined, resetHint: 'a test table' });
afterAll(async () => {
  await client.send(new DeleteTableCommand({ TableName: tableName }));
  client.destroy();
});

const LANES = 4;
const keyOf = (record: DynamoDBRecord) => record.dynamodb?.Keys?.pk?.S ?? '';
/** A record as the poller would see it, to pick keys by lane. */
const recordWithKey = (pk: string) => ({ dynamodb: { Keys: { pk: { S: pk } } } }) as DynamoDBRecord;

describe('the local stream poller', () => {
  it('goes on with other lanes while one lane’s record waits, and keeps each key in order', async () => {
    // Prepare
    const slow = `SLOW#${randomUUID()}`;
    const others: string[] = [];
    for (let index = 0; others.length < 6; index += 1) {
      const key = `FAST#${index}#${randomUUID()}`;
      if (laneOf(recordWithKey(key), LANES) !== laneOf(recordWithKey(slow), LANES))
        others.push(key);
    }
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handled: string[] = [];
    let slowStarted = false;
    const poller = await startStreamPoller({
      endpoint,
      region,
      tableName,
      filter: {},
      parallelization: LANES,
      intervalMs: 50,
      handler: async ({ Records }) => {
        for (const record of Records) {
          if (keyOf(record) === slow) {
            slowStarted = true;
            await gate;
          }
          handled.push(`${keyOf(record)} ${record.dynamodb?.NewImage?.sk?.S}`);
        }
        return { batchItemFailures: [] };
      },
    });

    try {
      // Act
      for (const sk of ['1', '2'])
        await documents.send(new PutCommand({ TableName: tableName, Item: { pk: slow, sk } }));
      await eventually(async () => expect(slowStarted).toBe(true));
      for (const pk of others)
        await documents.send(new PutCommand({ TableName: tableName, Item: { pk, sk: '1' } }));

      // Assess
      await eventually(async () => expect(handled).toHaveLength(others.length));
      expect(handled.some((entry) => entry.startsWith(slow))).toBe(false);
      release();
      await eventually(async () => expect(handled).toHaveLength(others.length + 2));
      expect(handled.filter((entry) => entry.startsWith(slow))).toEqual([`${slow} 1`, `${slow} 2`]);
    } finally {
      release();
      await poller.stop();
    }
  });
});
