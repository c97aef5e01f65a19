/**
 * The mailer: DynamoDB stream consumer of new queued deliveries
 * (DELIVERY_STREAM_FILTER). Each is claimed, sent through SES v2 and
 * recorded (deliver.ts), at the stage's pace. It stops at the first
 * delivery that fails (core/platform/stream-batch.ts); a permanent SES
 * refusal is not a failure: the delivery ends `failed` and the batch goes on.
 */
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { fromDeliveryItem } from '#core/entities/delivery';
import { readSendRateConfig } from '#core/platform/config';
import { logger } from '#core/platform/observability';
import { untilFirstFailure } from '#core/platform/stream-batch';
import { tableStore } from '#core/table/function-store';
import type { TableStore } from '#core/table/store';
import { realClock, THROTTLE_BACKOFF } from './backoff.ts';
import { deliver, type MailerDeps } from './deliver.ts';
import { pacer } from './pace.ts';
import { sendThroughSes } from './ses-mail.ts';

const { pauseMs } = readSendRateConfig();

const DEPS: MailerDeps = {
  send: sendThroughSes,
  pace: pacer(pauseMs, realClock),
  backoff: THROTTLE_BACKOFF,
  clock: realClock,
};

export const mailerHandler =
  (store: TableStore, deps: MailerDeps) =>
  (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> =>
    untilFirstFailure(event.Records, async (item) => {
      const at = { sourceId: item.sourceId, logId: item.logId };
      let delivery: ReturnType<typeof fromDeliveryItem>;
      try {
        delivery = fromDeliveryItem(item);
      } catch (error) {
        // Not retryable: no retry makes a malformed delivery sendable.
        logger.error('delivery item unreadable; not sent', { ...at, error });
        return;
      }
      try {
        const outcome = await deliver(store, delivery, deps);
        logger.info('delivery', { ...at, outcome });
      } catch (error) {
        logger.error('delivery failed; the record will be retried', { ...at, error });
        throw error;
      }
    });

export const handler = mailerHandler(tableStore, DEPS);
