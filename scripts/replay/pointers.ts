/**
 * The deliveries a dead-letter queue names. Its messages carry no item,
 * only where the failed batch sits in the table's stream; the stream keeps
 * records 24 hours, so the keys are read back from there.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { DELIVERY_ENTITY } from '#core/entities/delivery';
import type { StreamBatchPointer, StreamFailureMessage } from '../local-stack/dead-letters.ts';

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

export const deliveriesAt = async (
  streams: DynamoDBStreamsClient,
  pointer: StreamBatchPointer
): Promise<{ sourceId: string; address: string }[]> => {
  const { ShardIterator } = await streams.send(
    new GetShardIteratorCommand({
      StreamArn: pointer.streamArn,
      ShardId: pointer.shardId,
      ShardIteratorType: 'AT_SEQUENCE_NUMBER',
      SequenceNumber: pointer.startSequenceNumber,
    })
  );
  const end = BigInt(pointer.endSequenceNumber);
  const found: { sourceId: string; address: string }[] = [];
  let iterator = ShardIterator;
  while (iterator) {
    const { Records = [], NextShardIterator } = await streams.send(
      new GetRecordsCommand({ ShardIterator: iterator })
    );
    for (const record of Records) {
      if (BigInt(record.dynamodb?.SequenceNumber ?? '0') > end) return found;
      const image = record.dynamodb?.NewImage;
      if (!image) continue;
      const item = unmarshall(image as Record<string, AttributeValue>);
      if (item.entity === DELIVERY_ENTITY)
        found.push({ sourceId: item.sourceId, address: item.address });
    }
    // An open shard answers empty pages past its newest record: nothing more to read.
    if (Records.length === 0) return found;
    iterator = NextShardIterator;
  }
  return found;
};
