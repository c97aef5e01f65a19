/**
 * Sends one queued delivery (docs/notifications.md, "Sending").
 *
 * 1. Its turn under the stage's send rate, then the claim: queued → sending
 *    with a lease (claim.ts). A delivery another sender holds is waited for
 *    until its lease passes; one that is not waiting any more is left alone.
 * 2. One SendEmail call, each attempt bounded (throttling retried with
 *    backoff inside it).
 * 3. sending → sent with SES's MessageId, the email log entry with it and
 *    the marker of that id (what SES feedback finds it by), in one transaction.
 *
 * A sender that stops between 1 and 3 leaves the delivery `sending`; its
 * stream record comes again and claims it once the lease has passed. The
 * only window in which a mail can go out twice is between SES accepting the
 * call and step 3.
 */
import {
  type Delivery,
  type DeliveryStatus,
  fromDeliveryItem,
  moveDeliveryUpdate,
} from '#core/entities/delivery';
import { emailLogStatusUpdate } from '#core/entities/email-log';
import { noticeTallyUpdate } from '#core/entities/notice';
import { recordSesMessageUpdate } from '#core/entities/ses-message';
import { nowIso } from '#core/platform/clock';
import { logger } from '#core/platform/observability';
import { isConditionFailure } from '#core/table/db';
import type { TableStore } from '#core/table/store';
import { type BackoffClock, type BackoffPolicy, retryWhile } from './backoff.ts';
import { claimDelivery } from './claim.ts';
import { isPermanentRefusal, isThrottling } from './ses-mail.ts';

export interface MailerDeps {
  /** One SendEmail call, abandoned after SEND_ATTEMPT_TIMEOUT_MS; resolves to SES's MessageId. */
  send: (delivery: Delivery) => Promise<string>;
  /** Waits for this instance's turn under the stage's send rate. */
  pace: () => Promise<void>;
  backoff: BackoffPolicy;
  clock: BackoffClock;
}

export type DeliveryOutcome = 'sent' | 'failed' | 'skipped';

const move = async (
  store: TableStore,
  delivery: Delivery,
  from: DeliveryStatus,
  to: DeliveryStatus
) => {
  try {
    await store.update(moveDeliveryUpdate(delivery, from, { status: to, updatedAt: nowIso() }));
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

/** The end of a delivery: its status, its log entry, the SES id's marker once sent and (a notice's) its account's tally move together. */
const finish = (
  store: TableStore,
  delivery: Delivery,
  to: { status: 'sent'; sesMessageId: string } | { status: 'failed'; reason: string }
) => {
  const updatedAt = nowIso();
  const marker =
    to.status === 'sent'
      ? [
          {
            Update: recordSesMessageUpdate({
              sesMessageId: to.sesMessageId,
              sourceId: delivery.sourceId,
              address: delivery.address,
              accountId: delivery.accountId,
              logAt: delivery.logAt,
              logId: delivery.logId,
              sentAt: updatedAt,
            }),
          },
        ]
      : [];
  const tally = noticeTallyUpdate(delivery, to.status);
  return store.transact([
    ...marker,
    { Update: moveDeliveryUpdate(delivery, 'sending', { ...to, updatedAt }) },
    {
      Update: emailLogStatusUpdate(
        { accountId: delivery.accountId, at: delivery.logAt, id: delivery.logId },
        to.status,
        updatedAt,
        to.status === 'sent' ? to.sesMessageId : undefined
      ),
    },
    ...(tally ? [{ Update: tally }] : []),
  ]);
};

const reasonOf = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : String(error);

export const deliver = async (
  store: TableStore,
  delivery: Delivery,
  deps: MailerDeps
): Promise<DeliveryOutcome> => {
  await deps.pace();
  if (!(await claimDelivery(store, delivery, deps.clock))) return 'skipped';
  let messageId: string;
  try {
    messageId = await retryWhile(() => deps.send(delivery), isThrottling, deps.backoff, deps.clock);
  } catch (error) {
    if (isPermanentRefusal(error)) {
      await finish(store, delivery, { status: 'failed', reason: reasonOf(error) });
      return 'failed';
    }
    // Throttled past the bound, or SES unreachable: back in the queue, so the
    // record's retry (or a replay) claims it again.
    await move(store, delivery, 'sending', 'queued');
    throw error;
  }
  try {
    await finish(store, delivery, { status: 'sent', sesMessageId: messageId });
  } catch (error) {
    // Sent: never back to queued, and the record is not failed either, or its
    // retry would claim the delivery again once the lease passed and send it
    // twice. It stays `sending`; this line tells an operator it went out.
    logger.error('mail sent but not recorded', {
      sourceId: delivery.sourceId,
      logId: delivery.logId,
      accountId: delivery.accountId,
      sesMessageId: messageId,
      error,
    });
  }
  return 'sent';
};

/** A stream record's new image: read as a delivery, then delivered; a failure is the record's. */
export const deliverItem = async (
  store: TableStore,
  item: Record<string, unknown>,
  deps: MailerDeps
): Promise<void> => {
  // Never the address: the account's email log entry (logId) names it to those who may see it.
  const at = { sourceId: item.sourceId, logId: item.logId, accountId: item.accountId };
  let delivery: Delivery;
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
};
