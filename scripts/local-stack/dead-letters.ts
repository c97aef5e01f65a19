/**
 * The local stand-in for a stream consumer's SQS dead-letter queue: one
 * JSON line per parked batch, in the shape Lambda's on-failure destination
 * gives the queue's messages (a pointer into the stream, no item data), so
 * `npm run replay` reads both the same way.
 */
import { appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface StreamBatchPointer {
  shardId: string;
  startSequenceNumber: string;
  endSequenceNumber: string;
  streamArn: string;
  batchSize: number;
}

/** The body of an on-failure message of a DynamoDB stream event source mapping (the part we read). */
export interface StreamFailureMessage {
  requestContext?: { condition?: string; functionArn?: string };
  DDBStreamBatchInfo: StreamBatchPointer;
}

export const localDeadLetterFile = (tableName: string, worker: string) =>
  join(tmpdir(), `portico-dead-letters-${tableName}-${worker}.jsonl`);

export const parkLocally = async (file: string, worker: string, pointer: StreamBatchPointer) => {
  const message: StreamFailureMessage = {
    requestContext: { condition: 'RetryAttemptsExhausted', functionArn: `local:${worker}` },
    DDBStreamBatchInfo: pointer,
  };
  await appendFile(file, `${JSON.stringify(message)}\n`);
};
