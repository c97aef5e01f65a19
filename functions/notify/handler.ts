/**
 * The notify function: a DynamoDB stream consumer that turns each new
 * ticket event into its deliveries (fan-out.ts); the sender mails them.
 *
 * Like the outbox, it stops at the first event that fails: Lambda
 * checkpoints the batch there and delivers that event and the ones after it
 * again. A repeated event writes nothing it wrote before, so a retry only
 * adds the deliveries that are still missing.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger, startInvocation } from '#core/platform/observability';
import { tableStore } from '#core/table/function-store';
import { fanOutTicketEvent, ticketEventOf } from './fan-out.ts';

const eventIn = (image: Record<string, AttributeValue>) => {
  try {
    return ticketEventOf(unmarshall(image));
  } catch (error) {
    logger.error('ticket event of an unexpected shape', { error });
    return undefined;
  }
};

export const handler = async (
  event: DynamoDBStreamEvent,
  context?: Context
): Promise<DynamoDBBatchResponse> => {
  startInvocation('notify', context);
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    if (!image) continue;
    // Not retryable: an item that is no ticket event would fail forever.
    const ticketEvent = eventIn(image as Record<string, AttributeValue>);
    if (!ticketEvent) continue;
    const ids = { id: ticketEvent.id, accountId: ticketEvent.accountId };
    try {
      const result = await fanOutTicketEvent(tableStore, ticketEvent);
      logger.info('ticket event fanned out', { ...ids, ...result });
    } catch (error) {
      logger.error('ticket event fan-out failed', { ...ids, error });
      return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
    }
  }
  return { batchItemFailures: [] };
};
