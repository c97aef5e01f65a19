/**
 * How Portico's stream consumers walk a batch. Lambda checkpoints a stream
 * batch at the first reported failure and delivers everything from it
 * again, so a consumer stops at the first record that fails: the records
 * before it are done and never run again, the ones after it have not run
 * yet. Only the failed record can repeat (test/unit/outbox-checkpoint.test.ts).
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';

export const untilFirstFailure = async (
  records: DynamoDBRecord[],
  run: (item: Record<string, unknown>) => Promise<void>
): Promise<DynamoDBBatchResponse> => {
  for (const record of records) {
    const image = record.dynamodb?.NewImage;
    if (!image) continue;
    try {
      await run(unmarshall(image as Record<string, AttributeValue>));
    } catch {
      // `run` logs its own failure with what it knows of the item.
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
};
