/**
 * Walks the batches a stream worker's dead-letter queue names, each read
 * back from the table's stream as the event Lambda gave the worker. A batch
 * of another table, one the stream no longer holds (records live 24
 * hours) and one with no record the worker takes (a message of another
 * worker's queue) are reported, and the walk goes on with the next.
 */
import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { StreamBatchPointer } from '../local-stack/dead-letters.ts';
import { parkedBatchEvent } from './pointers.ts';

/** What GetShardIterator answers for a range past the stream's 24 hours, or a shard gone since. */
const GONE_FROM_STREAM = new Set([
  'TrimmedDataAccessException',
  'ResourceNotFoundException',
  'ExpiredIteratorException',
]);

export const isGoneFromStream = (error: unknown): boolean =>
  error instanceof Error && GONE_FROM_STREAM.has(error.name);

export type ParkedBatch =
  | { message: number; pointer: StreamBatchPointer; event: DynamoDBStreamEvent }
  | {
      message: number;
      pointer: StreamBatchPointer;
      skipped: 'other table' | 'gone from stream' | 'not this worker’s';
    };

/** Each message's batch, in the messages' order (`message` counts from 1). */
export const parkedBatches = async (
  streams: DynamoDBStreamsClient,
  pointers: StreamBatchPointer[],
  options: { tableName: string; filter: unknown }
): Promise<ParkedBatch[]> => {
  const batches: ParkedBatch[] = [];
  for (const [index, pointer] of pointers.entries()) {
    const message = index + 1;
    if (!pointer.streamArn.includes(`:table/${options.tableName}/stream/`)) {
      batches.push({ message, pointer, skipped: 'other table' });
      continue;
    }
    try {
      const event = await parkedBatchEvent(streams, pointer, options.filter);
      batches.push(
        event.Records.length > 0
          ? { message, pointer, event }
          : { message, pointer, skipped: 'not this worker’s' }
      );
    } catch (error) {
      if (!isGoneFromStream(error)) throw error;
      batches.push({ message, pointer, skipped: 'gone from stream' });
    }
  }
  return batches;
};

const SKIPPED = {
  'other table': 'is not of this table’s stream',
  'gone from stream': 'is no longer in the stream (kept 24 hours): nothing to replay',
  'not this worker’s': 'holds no record this worker takes: is it from another worker’s queue?',
} as const;

/** One line about a batch that was not read back; its message stays in the queue. */
export const skippedLine = (batch: Extract<ParkedBatch, { skipped: string }>): string =>
  `message ${batch.message}: its batch ${SKIPPED[batch.skipped]} (keep the message)`;

/**
 * A range may hold records of batches that went through (Lambda runs a
 * shard's batches side by side, split by partition key): run again, they
 * write nothing twice, but their mail follows today's data.
 */
export const widerThanBatch = (batch: Extract<ParkedBatch, { event: unknown }>): boolean =>
  batch.event.Records.length > batch.pointer.batchSize;
