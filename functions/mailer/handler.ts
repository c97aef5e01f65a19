/**
 * The mailer: DynamoDB stream consumer of new queued deliveries
 * (DELIVERY_STREAM_FILTER). Each is claimed, sent through SES v2 and
 * recorded (deliver.ts), at the stage's pace, several side by side (the
 * pace spaces their starts; the claim keeps any delivery from going twice).
 * It reports the first delivery that fails (core/platform/stream-batch.ts);
 * a permanent SES refusal is not a failure: the delivery ends `failed` and
 * the batch goes on.
 */
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { readSendRateConfig } from '#core/platform/config';
import { startInvocation } from '#core/platform/observability';
import { inWindows } from '#core/platform/stream-batch';
import { tableStore } from '#core/table/function-store';
import type { TableStore } from '#core/table/store';
import { realClock, THROTTLE_BACKOFF } from './backoff.ts';
import { deliverItem, type MailerDeps } from './deliver.ts';
import { pacer } from './pace.ts';
import { sendThroughSes } from './ses-mail.ts';

const { pauseMs } = readSendRateConfig();

/** Deliveries of a batch in flight at once (SES answers in tens of milliseconds). */
const SENDS_AT_ONCE = 10;

const DEPS: MailerDeps = {
  send: sendThroughSes,
  pace: pacer(pauseMs, realClock),
  backoff: THROTTLE_BACKOFF,
  clock: realClock,
};

export const mailerHandler =
  (store: TableStore, deps: MailerDeps) =>
  (event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> => {
    startInvocation('mailer', context);
    const invocation = context
      ? { ...deps, remainingMs: () => context.getRemainingTimeInMillis() }
      : deps;
    return inWindows(event.Records, SENDS_AT_ONCE, (item) => deliverItem(store, item, invocation));
  };

export const handler = mailerHandler(tableStore, DEPS);
