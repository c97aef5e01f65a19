/**
 * Plays the part of Lambda's DynamoDB event source locally: reads the
 * table's stream from DynamoDB Local, keeps the records that match the same
 * filter the CDK event source uses, and invokes the stream handler in
 * process with a DynamoDBStreamEvent. Records a handler reports as failed
 * are retried a few times, as Lambda would.
 */
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { StreamBatchPointer } from '../scripts/local-stack/dead-letters.ts';
import { LOCAL_CREDENTIALS } from '../scripts/local-stack/env.ts';
import { matchesFilter, toLambdaRecord } from '../scripts/local-stack/stream-records.ts';

export type StreamHandler = (
  event: DynamoDBStreamEvent
) => Promise<DynamoDBBatchResponse | undefined>;

export interface StreamPollerOptions {
  endpoint: string;
  region: string;
  tableName: string;
  filter: unknown;
  handler: StreamHandler;
  intervalMs?: number;
  log?: (line: string) => void;
  /** Where a record goes after its last attempt (in AWS: the on-failure destination). */
  onDropped?: (pointer: StreamBatchPointer) => Promise<void>;
  /**
   * Where shards open at start are read from: `latest` (the default, a new
   * stack) or `trim-horizon` (a consumer restarted without its checkpoint,
   * which replays everything the stream still holds).
   */
  startAt?: 'latest' | 'trim-horizon';
  /**
   * Lambda's ParallelizationFactor: a poll's records are split by partition
   * key into this many batches, run at once (one key's records in order).
   */
  parallelization?: number;
}

const MAX_ATTEMPTS = 3;

const sequenceOf = (record: DynamoDBRecord) => record.dynamodb?.SequenceNumber ?? '';

interface Delivery {
  record: DynamoDBRecord;
  attempts: number;
}

/**
 * What Lambda does after a stream batch reports failures: the batch is
 * checkpointed before its first failed record, and every record from there
 * on is delivered again, in order (the ones after it never ran). The failed
 * record counts an attempt; after MAX_ATTEMPTS it is dropped (in AWS: to the
 * on-failure destination) and the rest goes on.
 */
export const redeliveryOf = (batch: Delivery[], failed: ReadonlySet<string>) => {
  const first = batch.findIndex((entry) => failed.has(entry.record.dynamodb?.SequenceNumber ?? ''));
  if (first < 0) return { again: [], dropped: [] };
  const [failing, ...after] = batch.slice(first) as [Delivery, ...Delivery[]];
  const attempts = failing.attempts + 1;
  return attempts < MAX_ATTEMPTS
    ? { again: [{ record: failing.record, attempts }, ...after], dropped: [] }
    : { again: after, dropped: [failing] };
};

/** The lane (of `lanes`) a record's partition key always goes to, as Lambda spreads a shard's keys. */
export const laneOf = (record: DynamoDBRecord, lanes: number): number => {
  if (lanes <= 1) return 0;
  const key = JSON.stringify(record.dynamodb?.Keys?.pk ?? '');
  let hash = 0;
  for (let at = 0; at < key.length; at += 1) hash = (hash * 31 + key.charCodeAt(at)) >>> 0;
  return hash % lanes;
};

/** A poll split into one batch per lane (some maybe empty), each in stream order. */
export const byPartitionKey = <T extends { record: DynamoDBRecord }>(
  batch: T[],
  groups: number
): T[][] => {
  if (groups <= 1) return [batch];
  const split: T[][] = Array.from({ length: groups }, () => []);
  for (const entry of batch) split[laneOf(entry.record, groups)]?.push(entry);
  return split;
};

/**
 * Records read but not yet handled, past which the poller reads no more
 * until the lanes catch up (a consumer restarted from the stream's start
 * would otherwise hold the whole stream in memory).
 */
const MAX_WAITING_RECORDS = 2_000;

export const startStreamPoller = async (options: StreamPollerOptions) => {
  const clientConfig = {
    endpoint: options.endpoint,
    region: options.region,
    credentials: LOCAL_CREDENTIALS,
  };
  const streams = new DynamoDBStreamsClient(clientConfig);
  const { Table } = await new DynamoDBClient(clientConfig).send(
    new DescribeTableCommand({ TableName: options.tableName })
  );
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${options.tableName} has no stream`);

  const iterators = new Map<string, string | undefined>();
  const interval = options.intervalMs ?? 200;
  const pause = () => new Promise((resolve) => setTimeout(resolve, interval));
  /**
   * Lambda's ParallelizationFactor: each lane takes the records of its
   * partition keys in order, one batch at a time, and retries its own
   * failures before going on; a lane that waits (a retry, a slow record)
   * holds up no other lane.
   */
  const lanes = Array.from({ length: Math.max(1, options.parallelization ?? 1) }, () => ({
    waiting: [] as Delivery[],
    running: undefined as Promise<void> | undefined,
  }));
  const waitingRecords = () => lanes.reduce((sum, lane) => sum + lane.waiting.length, 0);
  /** The shard each pending record came from (a dead-letter pointer names it). */
  const shardOf = new Map<string, string>();
  let stopped = false;
  let firstScan = true;

  const discoverShards = async () => {
    const { StreamDescription } = await streams.send(
      new DescribeStreamCommand({ StreamArn: streamArn })
    );
    for (const shard of StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || iterators.has(shard.ShardId)) continue;
      // Shards open at start are read from now on; shards that appear later are read whole.
      const { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType:
            firstScan && options.startAt !== 'trim-horizon' ? 'LATEST' : 'TRIM_HORIZON',
        })
      );
      iterators.set(shard.ShardId, ShardIterator);
    }
    firstScan = false;
  };

  /** Runs one batch; returns what must be delivered again first. */
  const deliverOne = async (batch: Delivery[]): Promise<Delivery[]> => {
    if (batch.length === 0) return [];
    let failed = new Set<string>();
    try {
      const result = await options.handler({ Records: batch.map((entry) => entry.record) });
      failed = new Set(result?.batchItemFailures.map((failure) => failure.itemIdentifier));
    } catch (error) {
      options.log?.(`stream handler threw: ${(error as Error).message}`);
      failed = new Set(batch.map((entry) => entry.record.dynamodb?.SequenceNumber ?? ''));
    }
    const { again, dropped } = redeliveryOf(batch, failed);
    const pending = new Set([...again, ...dropped].map((entry) => sequenceOf(entry.record)));
    for (const entry of batch) {
      if (!pending.has(sequenceOf(entry.record))) shardOf.delete(sequenceOf(entry.record));
    }
    for (const { record } of dropped) {
      const sequence = record.dynamodb?.SequenceNumber ?? '';
      options.log?.(`stream record ${record.eventID} failed ${MAX_ATTEMPTS} times; dropped`);
      try {
        await options.onDropped?.({
          shardId: shardOf.get(sequence) ?? '',
          startSequenceNumber: sequence,
          endSequenceNumber: sequence,
          streamArn,
          batchSize: 1,
        });
      } catch (error) {
        // The records after it still run; the line says which one was not parked.
        options.log?.(
          `stream record ${record.eventID} could not be parked: ${(error as Error).message}`
        );
      }
      shardOf.delete(sequence);
    }
    return again;
  };

  const runLane = async (lane: (typeof lanes)[number]) => {
    try {
      while (lane.waiting.length > 0 && !stopped) {
        const again = await deliverOne(lane.waiting.splice(0, lane.waiting.length));
        if (again.length === 0) continue;
        lane.waiting.unshift(...again);
        await pause();
      }
    } catch (error) {
      // The handler's own throw is caught in deliverOne; this is the poller's: the next poll starts the lane again.
      options.log?.(`stream poller: ${(error as Error).message}`);
    } finally {
      lane.running = undefined;
    }
  };

  /** Every poll, even an empty one: a lane with records and no runner starts. */
  const enqueue = (entries: Delivery[]) => {
    byPartitionKey(entries, lanes.length).forEach((group, lane) => {
      lanes[lane]?.waiting.push(...group);
    });
    for (const lane of lanes) if (lane.waiting.length > 0) lane.running ??= runLane(lane);
  };

  const pollOnce = async () => {
    if (waitingRecords() >= MAX_WAITING_RECORDS) return enqueue([]);
    await discoverShards();
    const batch: Delivery[] = [];
    for (const [shardId, iterator] of iterators) {
      if (!iterator) continue;
      const { Records = [], NextShardIterator } = await streams.send(
        new GetRecordsCommand({ ShardIterator: iterator })
      );
      iterators.set(shardId, NextShardIterator);
      for (const record of Records) {
        const lambdaRecord = toLambdaRecord(record, streamArn);
        if (!matchesFilter(options.filter, lambdaRecord)) continue;
        shardOf.set(lambdaRecord.dynamodb?.SequenceNumber ?? '', shardId);
        batch.push({ record: lambdaRecord, attempts: 0 });
      }
    }
    enqueue(batch);
  };

  await discoverShards();
  const loop = (async () => {
    while (!stopped) {
      try {
        await pollOnce();
      } catch (error) {
        if (!stopped) options.log?.(`stream poller: ${(error as Error).message}`);
      }
      await pause();
    }
  })();

  return {
    stop: async () => {
      stopped = true;
      await loop;
      await Promise.all(lanes.map((lane) => lane.running));
      streams.destroy();
    },
  };
};
