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
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger, startInvocation } from '#core/platform/observability';
import { untilFirstFailure } from '#core/platform/stream-batch';
import { tableStore } from '#core/table/function-store';
import { outboxTaskOf, runTask } from './tasks.ts';

export const handler = async (
  event: DynamoDBStreamEvent,
  context?: Context
): Promise<DynamoDBBatchResponse> => {
  startInvocation('outbox', context);
  return untilFirstFailure(event.Records, async (item) => {
    const task = outboxTaskOf(item);
    if (!task) {
      // Not retryable: a malformed task would fail forever.
      logger.error('outbox item without a valid task', { id: item.id, accountId: item.accountId });
      return;
    }
    // Ids only: a task's address, name or subject stays out of the log.
    const ids = { id: item.id, kind: task.kind, accountId: item.accountId };
    try {
      await runTask(tableStore, task);
      logger.info('outbox task done', ids);
    } catch (error) {
      logger.error('outbox task failed', { ...ids, error });
      throw error;
    }
  });
};
