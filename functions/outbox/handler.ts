/**
 * The outbox function: DynamoDB stream consumer that carries out each new
 * outbox task (see core/entities/outbox.ts): a mail through SES, or a login
 * email update in Cognito.
 *
 * Lambda checkpoints a stream batch at the first reported failure and
 * delivers everything from it again, so the handler stops at the first
 * task that fails: the tasks before it are done and never run again, the
 * ones after it have not run yet. Only the failed task can repeat, and a
 * repeat is safe for both kinds (a mail is sent at most twice only if SES
 * accepted it and the call failed after).
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '#core/platform/observability';
import { tableStore } from '#core/table/function-store';
import { outboxTaskOf, runTask } from './tasks.ts';

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    if (!image) continue;
    const item = unmarshall(image as Record<string, AttributeValue>);
    const task = outboxTaskOf(item);
    if (!task) {
      // Not retryable: a malformed task would fail forever.
      logger.error('outbox item without a valid task', { id: item.id });
      continue;
    }
    try {
      await runTask(tableStore, task);
      logger.info('outbox task done', { id: item.id, kind: task.kind });
    } catch (error) {
      logger.error('outbox task failed', { id: item.id, kind: task.kind, error });
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
};
