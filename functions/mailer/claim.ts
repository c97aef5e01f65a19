/**
 * The claim a sender holds on a delivery while it sends it: queued →
 * sending, with a lease long enough for the slowest send and its record.
 * A sender that stops mid-way (a crash, a timeout) leaves the delivery
 * `sending`; once the lease has passed, the redelivered stream record
 * claims it again, so no mail is lost. The mail goes out twice only if the
 * sender stopped after SES accepted it and before the record was written.
 */
import { claimDeliveryUpdate, type Delivery } from '#core/entities/delivery';
import { now } from '#core/platform/clock';
import { refusedItem } from '#core/table/db';
import type { TableStore } from '#core/table/store';
import { type BackoffClock, type BackoffPolicy, THROTTLE_BACKOFF } from './backoff.ts';

/** One SendEmail call is abandoned after this (SES answers in tens of milliseconds). */
export const SEND_ATTEMPT_TIMEOUT_MS = 5_000;

/** Writing the outcome after the send (one transaction, with the SDK's own retries). */
export const RECORD_ALLOWANCE_MS = 10_000;

/** The longest a sender waits in all between attempts (`backoffDelay` at its cap). */
export const maxBackoffMs = (policy: BackoffPolicy): number => {
  let total = 0;
  for (let attempt = 1; attempt < policy.attempts; attempt++)
    total += Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
  return total;
};

/**
 * Claim to record: every attempt at its timeout, every wait at its longest,
 * then the record. A live sender is never still at work past it.
 */
export const CLAIM_LEASE_MS =
  THROTTLE_BACKOFF.attempts * SEND_ATTEMPT_TIMEOUT_MS +
  maxBackoffMs(THROTTLE_BACKOFF) +
  RECORD_ALLOWANCE_MS;

/** After a holder's lease, a little more, so clocks a few milliseconds apart agree it has passed. */
const LEASE_MARGIN_MS = 250;

export class DeliveryHeldError extends Error {
  override name = 'DeliveryHeldError';
}

/**
 * True when this sender now holds the delivery; false when there is nothing
 * to send (sent, failed, suppressed, or gone). A delivery another sender
 * holds is waited for, once, until its lease passes: by then that sender
 * has recorded it (nothing to send) or stopped (this one claims it). Held
 * again after that wait, the record fails and is retried later.
 */
export const claimDelivery = async (
  store: TableStore,
  delivery: Pick<Delivery, 'sourceId' | 'address'>,
  clock: Pick<BackoffClock, 'sleep'>
): Promise<boolean> => {
  for (let waited = false; ; waited = true) {
    const at = now();
    try {
      await store.update(
        claimDeliveryUpdate(
          delivery,
          at.toISOString(),
          new Date(at.getTime() + CLAIM_LEASE_MS).toISOString()
        )
      );
      return true;
    } catch (error) {
      const current = refusedItem(error);
      if (!current) {
        if (error instanceof Error && error.name === 'ConditionalCheckFailedException')
          return false;
        throw error;
      }
      if (current.status !== 'sending' || typeof current.leaseUntil !== 'string') return false;
      if (waited) throw new DeliveryHeldError('another sender holds the delivery');
      const wait = Date.parse(current.leaseUntil) - now().getTime();
      await clock.sleep(Math.max(0, wait) + LEASE_MARGIN_MS);
    }
  }
};
