/**
 * Walks the batches a stream worker's dead-letter queue names, each read
 * back from the table's stream as the event Lambda gave the worker. A batch
 * of another table is skipped; one the stream no longer holds (records live
 * 24 hours) is reported, and the walk goes on with the next.
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
  | { message: number; pointer: StreamBatchPointer; skipped: 'other table' | 'gone from stream' };

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
      batches.push({
        message,
        pointer,
        event: await parkedBatchEvent(streams, pointer, options.filter),
      });
    } catch (error) {
      if (!isGoneFromStream(error)) throw error;
      batches.push({ message, pointer, skipped: 'gone from stream' });
    }
  }
  return batches;
};

/** One line about a batch that could not be read back. */
export const skippedLine = (batch: ParkedBatch & { skipped: string }): string =>
  batch.skipped === 'other table'
    ? `message ${batch.message}: ${batch.pointer.streamArn} is not this table's stream; skipped`
    : `message ${batch.message}: its records are no longer in the stream (kept 24 hours); nothing to replay`;
