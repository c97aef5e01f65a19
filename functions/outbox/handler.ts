/**
 * The outbox function: DynamoDB stream consumer that carries out each new
 * outbox task (see core/entities/outbox.ts): a mail through SES, or a login
 * email update in Cognito. Failed records are reported one by one so only
 * they are retried; both kinds of task are safe to repeat.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '#core/platform/observability';
import { tableStore } from '#core/table/function-store';
import { outboxTaskOf, runTask } from './tasks.ts';

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
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
      batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
    }
  }
  return { batchItemFailures };
};
