/**
 * Sends one queued delivery (docs/notifications.md, "Sending").
 *
 * 1. Its turn under the stage's send rate, then the claim: queued → sending
 *    with a lease (claim.ts). A delivery another sender holds is waited for
 *    until its lease passes; one that is not waiting any more is left alone.
 * 2. SendEmail, each attempt bounded and started only while the lease
 *    leaves room to finish it (throttling retried with backoff).
 * 3. sending → sent with SES's MessageId, the email log entry with it and
 *    the marker of that id (what SES feedback finds it by), in one
 *    transaction. Every write out of `sending` is fenced to this claim's
 *    lease, so a sender whose lease ran out moves nothing.
 *
 * A sender that stops between 1 and 3 leaves the delivery `sending`; its
 * stream record comes again and claims it once the lease has passed. A
 * mail SES took whose record could not be written is remembered here, so
 * the record's retry writes it instead of sending again. A mail goes out
 * twice only if SES took it and this instance never learned so, or stopped
 * before recording it.
 */
import { type Delivery, fromDeliveryItem, moveDeliveryUpdate } from '#core/entities/delivery';
import { emailLogStatusUpdate } from '#core/entities/email-log';
import { noticeTallyUpdate } from '#core/entities/notice';
import { recordSesMessageUpdate } from '#core/entities/ses-message';
import { nowIso } from '#core/platform/clock';
import { logger } from '#core/platform/observability';
import { isConditionFailure, isTransactionConditionFailure } from '#core/table/db';
import type { TableStore } from '#core/table/store';
import { type BackoffClock, type BackoffPolicy, retryWhile } from './backoff.ts';
import { ATTEMPT_AND_RECORD_MS, claimDelivery, leaseAllowsAttempt } from './claim.ts';
import { isPermanentRefusal, isThrottling } from './ses-mail.ts';

export interface MailerDeps {
  /** One SendEmail call, abandoned after SEND_ATTEMPT_TIMEOUT_MS; resolves to SES's MessageId. */
  send: (delivery: Delivery) => Promise<string>;
  /** Waits for this instance's turn under the stage's send rate. */
  pace: () => Promise<void>;
  backoff: BackoffPolicy;
  clock: BackoffClock;
  /** What is left of the invocation (Lambda's getRemainingTimeInMillis), when there is one. */
  remainingMs?: () => number;
}

export type DeliveryOutcome = 'sent' | 'failed' | 'skipped';

/** Back to the queue, only under this sender's own claim (`lease`). */
const requeue = async (store: TableStore, delivery: Delivery, lease: string) => {
  try {
    await store.update(
      moveDeliveryUpdate(delivery, 'sending', { status: 'queued', updatedAt: nowIso() }, lease)
    );
  } catch (error) {
    // Claimed again by another sender after this one's lease ran out: theirs now.
    if (!isConditionFailure(error)) throw error;
  }
};

/** The end of a delivery: its status, its log entry, the SES id's marker once sent and (a notice's) its account's tally move together. */
const finish = (
  store: TableStore,
  delivery: Delivery,
  lease: string,
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
    // Fenced to this sender's claim: one whose lease ran out records nothing.
    { Update: moveDeliveryUpdate(delivery, 'sending', { ...to, updatedAt }, lease) },
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

/**
 * Sent by SES, its record not written yet, in this instance: the record's
 * retry writes it instead of sending again (an instance that stopped takes
 * this with it: the window for twice).
 */
const acceptedNotRecorded = new Map<string, { lease: string; sesMessageId: string }>();
const keyOf = (delivery: Delivery) => `${delivery.sourceId}\n${delivery.address}`;

/** What the mailer's lines name a delivery by: never the address (the log entry names it). */
const idsOf = ({ sourceId, logId, accountId }: Delivery) => ({ sourceId, logId, accountId });

/** Writes the sent record; false when another sender holds the delivery now. */
const recordSent = async (
  store: TableStore,
  delivery: Delivery,
  sent: { lease: string; sesMessageId: string }
): Promise<boolean> => {
  try {
    await finish(store, delivery, sent.lease, { status: 'sent', sesMessageId: sent.sesMessageId });
    acceptedNotRecorded.delete(keyOf(delivery));
    return true;
  } catch (error) {
    if (isTransactionConditionFailure(error)) {
      acceptedNotRecorded.delete(keyOf(delivery));
      logger.error('mail sent after its lease ran out; another sender holds it', {
        ...idsOf(delivery),
        sesMessageId: sent.sesMessageId,
      });
      return false;
    }
    acceptedNotRecorded.set(keyOf(delivery), sent);
    logger.error('mail sent but not recorded', {
      ...idsOf(delivery),
      sesMessageId: sent.sesMessageId,
      error,
    });
    throw error;
  }
};

export class LeaseRunningOutError extends Error {
  override name = 'LeaseRunningOutError';
}

export const deliver = async (
  store: TableStore,
  delivery: Delivery,
  deps: MailerDeps
): Promise<DeliveryOutcome> => {
  const accepted = acceptedNotRecorded.get(keyOf(delivery));
  if (accepted) return (await recordSent(store, delivery, accepted)) ? 'sent' : 'skipped';
  await deps.pace();
  // A sender that waited out another's lease takes its turn again: the
  // batch's woken sends would otherwise all start at once, above the rate.
  const lease = await claimDelivery(store, delivery, {
    sleep: async (ms) => {
      await deps.clock.sleep(ms);
      await deps.pace();
    },
  });
  if (!lease) return 'skipped';
  let sesMessageId: string;
  try {
    sesMessageId = await retryWhile(
      () => {
        // No attempt this sender could not finish and record inside its lease,
        // nor one the invocation's timeout would cut off mid-way.
        if (!leaseAllowsAttempt(lease)) throw new LeaseRunningOutError('the claim runs out');
        if ((deps.remainingMs?.() ?? Number.POSITIVE_INFINITY) <= ATTEMPT_AND_RECORD_MS)
          throw new LeaseRunningOutError('the invocation runs out');
        return deps.send(delivery);
      },
      isThrottling,
      deps.backoff,
      deps.clock
    );
  } catch (error) {
    if (isPermanentRefusal(error)) {
      await finish(store, delivery, lease, { status: 'failed', reason: reasonOf(error) });
      return 'failed';
    }
    // Throttled past the bound, SES unreachable, or no answer in time (SES
    // may have taken it: the window for twice): back in the queue, so the
    // record's retry (or a replay) claims it again.
    await requeue(store, delivery, lease);
    throw error;
  }
  await recordSent(store, delivery, { lease, sesMessageId });
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
