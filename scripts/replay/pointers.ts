import {
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { StreamBatchPointer, StreamFailureMessage } from '../local-stack/dead-letters.ts';
import { matchesFilter, toLambdaRecord } from '../local-stack/stream-records.ts';

/** The messages of an `aws sqs receive-message` answer, however it is indented; else undefined. */
const receivedMessages = (text: string): { Body: string }[] | undefined => {
  if (!/^\{\s*"Messages"\s*:/.test(text)) return undefined;
  return JSON.parse(text).Messages;
};

/**
 * Messages as JSON lines (the local queue file), or as the answer of
 * `aws sqs receive-message` (`{ "Messages": [{ "Body": "…" }] }`, as the
 * CLI prints it or on one line).
 */
export const pointersIn = (text: string): StreamBatchPointer[] => {
  const trimmed = text.trim();
  if (!trimmed) return [];
  const bodies: StreamFailureMessage[] =
    receivedMessages(trimmed)?.map((m) => JSON.parse(m.Body)) ??
    trimmed.split('\n').map((line) => JSON.parse(line));
  return bodies.map((body) => body.DDBStreamBatchInfo);
};

/** The records of a parked batch's range, oldest first, as Lambda hands them to a consumer. */
export const recordsAt = async (
  streams: DynamoDBStreamsClient,
  pointer: StreamBatchPointer
): Promise<DynamoDBRecord[]> => {
  const { ShardIterator } = await streams.send(
    new GetShardIteratorCommand({
      StreamArn: pointer.streamArn,
      ShardId: pointer.shardId,
      ShardIteratorType: 'AT_SEQUENCE_NUMBER',
      SequenceNumber: pointer.startSequenceNumber,
    })
  );
  const end = BigInt(pointer.endSequenceNumber);
  const found: DynamoDBRecord[] = [];
  let iterator = ShardIterator;
  while (iterator) {
    const { Records = [], NextShardIterator } = await streams.send(
      new GetRecordsCommand({ ShardIterator: iterator })
    );
    for (const record of Records) {
      if (BigInt(record.dynamodb?.SequenceNumber ?? '0') > end) return found;
      found.push(toLambdaRecord(record, pointer.streamArn));
    }
    // An open shard answers empty pages past its newest record: nothing more to read.
    if (Records.length === 0) return found;
    iterator = NextShardIterator;
  }
  return found;
};

/**
 * The event Lambda invoked a stream worker with for a parked batch: the
 * records of its range that pass the worker's filter (a range may hold
 * records other workers took).
 */
export const parkedBatchEvent = async (
  streams: DynamoDBStreamsClient,
  pointer: StreamBatchPointer,
  filter: unknown
): Promise<DynamoDBStreamEvent> => ({
  Records: (await recordsAt(streams, pointer)).filter((record) => matchesFilter(filter, record)),
});
