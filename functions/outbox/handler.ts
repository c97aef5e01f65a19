/**
 * The outbox function: DynamoDB stream consumer that carries out each new
 * outbox task (see core/entities/outbox.ts): a mail through SES, or a login
 * email update in Cognito.
 *
 * It stops at the first task that fails (core/platform/stream-batch.ts), so
 * only the failed task can repeat, and a repeat is safe for both kinds (a
 * mail is sent at most twice only if SES accepted it and the call failed
 * after).
 */
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '#core/platform/observability';
import { untilFirstFailure } from '#core/platform/stream-batch';
import { tableStore } from '#core/table/function-store';
import { outboxTaskOf, runTask } from './tasks.ts';

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> =>
  untilFirstFailure(event.Records, async (item) => {
    const task = outboxTaskOf(item);
    if (!task) {
      // Not retryable: a malformed task would fail forever.
      logger.error('outbox item without a valid task', { id: item.id });
      return;
    }
    try {
      await runTask(tableStore, task);
      logger.info('outbox task done', { id: item.id, kind: task.kind });
    } catch (error) {
      logger.error('outbox task failed', { id: item.id, kind: task.kind, error });
      throw error;
    }
  });
