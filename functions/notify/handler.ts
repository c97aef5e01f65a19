/**
 * The notify function: a DynamoDB stream consumer that turns each new item
 * that becomes mail (stream-filter.ts) into its deliveries; the mailer
 * sends them. Ticket events (fan-out.ts), staff notices and their
 * per-account work items (notices.ts), invoices (invoice-fan-out.ts).
 *
 * Like the outbox, it stops at the first record that fails: Lambda
 * checkpoints the batch there and delivers that record and the ones after it
 * again. A repeated record writes nothing it wrote before, so a retry only
 * adds what is still missing.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '#core/platform/observability';
import { tableStore } from '#core/table/function-store';
import { jobOf } from './jobs.ts';

const jobIn = (image: Record<string, AttributeValue>) => {
  try {
    return jobOf(tableStore, unmarshall(image));
  } catch (error) {
    logger.error('stream item of an unexpected shape', { error });
    return undefined;
  }
};

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    if (!image) continue;
    // Not retryable: an item of the wrong shape would fail forever.
    const job = jobIn(image as Record<string, AttributeValue>);
    if (!job) continue;
    try {
      const result = await job.run();
      logger.info(`${job.what} fanned out`, { id: job.id, result });
    } catch (error) {
      logger.error(`${job.what} fan-out failed`, { id: job.id, error });
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
};
