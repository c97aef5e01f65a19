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

/**
 * The same contract, `width` records at a time, for consumers whose every
 * record is safe to run again (notify: create-only writes). A window runs
 * whole; the first record of it that failed is reported, so Lambda
 * checkpoints before it, and the window's later records, done or not, run
 * again with it, writing nothing twice.
 */
export const inWindows = async (
  records: DynamoDBRecord[],
  width: number,
  run: (item: Record<string, unknown>) => Promise<void>
): Promise<DynamoDBBatchResponse> => {
  for (let at = 0; at < records.length; at += width) {
    const window = records.slice(at, at + width);
    const outcomes = await Promise.allSettled(
      window.map(async (record) => {
        const image = record.dynamodb?.NewImage;
        if (image) await run(unmarshall(image as Record<string, AttributeValue>));
      })
    );
    const failed = outcomes.findIndex((outcome) => outcome.status === 'rejected');
    if (failed >= 0)
      return {
        batchItemFailures: [{ itemIdentifier: window[failed]?.dynamodb?.SequenceNumber ?? '' }],
      };
  }
  return { batchItemFailures: [] };
};
