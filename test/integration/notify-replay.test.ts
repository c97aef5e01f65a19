/**
 * `npm run replay -- notify` rebuilds a parked batch from the table's stream
 * (scripts/replay/pointers.ts): the event Lambda gave the notify function,
 * which the function then takes again without writing anything twice.
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { describe, expect, it } from 'vitest';
import { writeTogether } from '#core/db/transact';
import { ENV } from '#core/platform/config';
import { tableStore } from '#core/table/function-store';
import { submitTicket } from '../../functions/core/workflows/ticket-conversation.ts';
import { handler } from '../../functions/notify/handler.ts';
import { NOTIFY_STREAM_FILTER } from '../../functions/notify/stream-filter.ts';
import type { StreamBatchPointer } from '../../scripts/local-stack/dead-letters.ts';
import { LOCAL_CREDENTIALS } from '../../scripts/local-stack/env.ts';
import { parkedBatches } from '../../scripts/replay/parked-batches.ts';
import { eventually } from '../support/mailbox.ts';
import { newAccount, storeAccount } from '../support/store-accounts.ts';
import { deliveriesOf, emailLogOf } from '../support/ticket-mail.ts';

const connection = {
  region: process.env[ENV.region] ?? 'local',
  endpoint: process.env[ENV.dynamoEndpoint] ?? '',
  credentials: LOCAL_CREDENTIALS,
};
const streams = new DynamoDBStreamsClient(connection);

const streamArnOf = async () => {
  const tables = new DynamoDBClient(connection);
  const { Table } = await tables.send(
    new DescribeTableCommand({ TableName: process.env[ENV.tableName] })
  );
  return Table?.LatestStreamArn ?? '';
};

/** Iterators at the newest end of every open shard: what is written after them is read from them. */
const openShardsFromNow = async (streamArn: string) => {
  const { StreamDescription } = await streams.send(
    new DescribeStreamCommand({ StreamArn: streamArn })
  );
  const open = (StreamDescription?.Shards ?? []).filter(
    (shard) => !shard.SequenceNumberRange?.EndingSequenceNumber
  );
  return Promise.all(
    open.map(async (shard) => {
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: 'LATEST',
        })
      );
      return { shardId: shard.ShardId ?? '', iterator: ShardIterator };
    })
  );
};

/** Where the account's records sit in the stream, as a dead-letter message points at a batch. */
const pointerTo = async (
  streamArn: string,
  shards: { shardId: string; iterator: string | undefined }[],
  accountId: string
): Promise<StreamBatchPointer> => {
  const seen = new Map<string, string[]>();
  return eventually(async () => {
    for (const shard of shards) {
      if (!shard.iterator) continue;
      const { Records = [], NextShardIterator } = await streams.send(
        new GetRecordsCommand({ ShardIterator: shard.iterator })
      );
      shard.iterator = NextShardIterator;
      for (const record of Records) {
        if (record.dynamodb?.NewImage?.accountId?.S !== accountId) continue;
        const found = seen.get(shard.shardId) ?? [];
        found.push(record.dynamodb.SequenceNumber ?? '');
        seen.set(shard.shardId, found);
      }
    }
    const [shardId, sequences] = [...seen].find(([, found]) => found.length >= 2) ?? [];
    expect(sequences, 'the change’s records in one shard').toBeDefined();
    const ordered = (sequences ?? []).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    return {
      shardId: shardId ?? '',
      startSequenceNumber: ordered[0] ?? '',
      endSequenceNumber: ordered.at(-1) ?? '',
      streamArn,
      batchSize: ordered.length,
    };
  });
};

describe('replaying notify’s dead-letter queue', () => {
  it('rebuilds the parked batch from the stream with only the records notify takes, which it takes again without writing twice', async () => {
    // Prepare
    const account = newAccount();
    const supporter = account.subAccount('supporter', ['tickets'], { supportScope: 'global' });
    await storeAccount(tableStore, { contacts: [account.primary, supporter] });
    const { primary } = account;
    const change = submitTicket(
      { accountId: account.accountId, subject: 'Replay', department: 'technical', body: 'Lost.' },
      { kind: 'contact', contactId: primary.id, name: primary.firstName, email: primary.email },
      new Date()
    );
    const streamArn = await streamArnOf();
    const shards = await openShardsFromNow(streamArn);
    await writeTogether(change.writes, () => new Error('storing the ticket failed'), tableStore);
    const pointer = await pointerTo(streamArn, shards, account.accountId);
    const eventId = change.writes.find((w) => w.action.Put?.Item?.entity === 'ticketEvent')?.action
      .Put?.Item?.id as string;
    // The stack's own notify takes the event first, as Lambda did before it gave up.
    await eventually(async () => expect(await deliveriesOf(tableStore, eventId)).toHaveLength(2));

    // Act
    const [batch] = await parkedBatches(streams, [pointer], {
      tableName: process.env[ENV.tableName] ?? '',
      filter: NOTIFY_STREAM_FILTER,
    });
    const event = batch && 'event' in batch ? batch.event : { Records: [] };
    const result = await handler(event);

    // Assess
    const mine = event.Records.filter(
      (record) => record.dynamodb?.NewImage?.accountId?.S === account.accountId
    );
    expect(mine.map((record) => record.dynamodb?.NewImage?.entity?.S)).toEqual(['ticketEvent']);
    expect(mine[0]).toMatchObject({ eventName: 'INSERT', eventSourceARN: streamArn });
    expect(result?.batchItemFailures ?? []).toEqual([]);
    expect(await deliveriesOf(tableStore, eventId)).toHaveLength(2);
    expect(await emailLogOf(tableStore, account.accountId)).toHaveLength(2);
  });

  it('reports a batch the stream no longer holds, one of another table and one with nothing the worker takes, and reads the rest', async () => {
    // Prepare
    const streamArn = await streamArnOf();
    const { StreamDescription } = await streams.send(
      new DescribeStreamCommand({ StreamArn: streamArn })
    );
    const shardId = StreamDescription?.Shards?.[0]?.ShardId ?? '';
    const startSequenceNumber =
      StreamDescription?.Shards?.[0]?.SequenceNumberRange?.StartingSequenceNumber ?? '';
    const readable = {
      shardId,
      startSequenceNumber,
      endSequenceNumber: startSequenceNumber,
      streamArn,
      batchSize: 1,
    };
    const gone = { ...readable, shardId: 'shardId-00000000000000000001-00000000' };
    const otherTable = {
      ...readable,
      streamArn: streamArn.replace(/:table\/[^/]+\//, ':table/another-table/'),
    };

    const tableName = process.env[ENV.tableName] ?? '';

    // Act: a filter taking every record, then one taking none (another worker's queue).
    const batches = await parkedBatches(streams, [gone, otherTable, readable], {
      tableName,
      filter: {},
    });
    const [mismatched] = await parkedBatches(streams, [readable], {
      tableName,
      filter: { eventName: ['NO SUCH EVENT'] },
    });

    // Assess
    expect(batches.map((batch) => ('skipped' in batch ? batch.skipped : 'read'))).toEqual([
      'gone from stream',
      'other table',
      'read',
    ]);
    expect(batches.map((batch) => batch.message)).toEqual([1, 2, 3]);
    expect(mismatched && 'skipped' in mismatched && mismatched.skipped).toBe('not this worker’s');
  });
});
