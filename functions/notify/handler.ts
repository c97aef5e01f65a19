/**
 * The notify function: a DynamoDB stream consumer that turns each new item
 * that becomes mail (stream-filter.ts) into its deliveries; the mailer
 * sends them. Ticket events (fan-out.ts), staff notices and their
 * per-account work items (notices.ts), invoices (invoice-fan-out.ts).
 *
 * Every record is safe to run again (create-only writes, counts set from
 * what is stored), so records run several at a time; the first that fails
 * in a window is reported and Lambda delivers it, and what follows, again.
 */
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger, startInvocation } from '#core/platform/observability';
import { inWindows } from '#core/platform/stream-batch';
import { tableStore } from '#core/table/function-store';
import { jobOf } from './jobs.ts';

/** Records run at once: a notice's work items fan out side by side. */
const WINDOW = 16;

const jobIn = (item: Record<string, unknown>) => {
  try {
    return jobOf(tableStore, item);
  } catch (error) {
    logger.error('stream item of an unexpected shape', { error });
    return undefined;
  }
};

export const handler = async (
  event: DynamoDBStreamEvent,
  context?: Context
): Promise<DynamoDBBatchResponse> => {
  startInvocation('notify', context);
  return inWindows(event.Records, WINDOW, async (item) => {
    // Not retryable: an item of the wrong shape would fail forever.
    const job = jobIn(item);
    if (!job) return;
    try {
      const result = await job.run();
      logger.info(`${job.what} fanned out`, { id: job.id, result });
    } catch (error) {
      logger.error(`${job.what} fan-out failed`, { id: job.id, error });
      throw error;
    }
  });
};
