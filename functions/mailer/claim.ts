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
import { isConditionFailure, refusedItem } from '#core/table/db';
import type { TableStore } from '#core/table/store';
import { type BackoffClock, maxBackoffMs, THROTTLE_BACKOFF } from './backoff.ts';

/** One SendEmail call is abandoned after this (SES answers in tens of milliseconds). */
export const SEND_ATTEMPT_TIMEOUT_MS = 5_000;

/** Writing the outcome after the send (one transaction, with the SDK's own retries). */
export const RECORD_ALLOWANCE_MS = 10_000;

/**
 * Claim to record: every attempt at its timeout, every wait at its longest,
 * then the record. A live sender is never still at work past it.
 */
export const CLAIM_LEASE_MS =
  THROTTLE_BACKOFF.attempts * SEND_ATTEMPT_TIMEOUT_MS +
  maxBackoffMs(THROTTLE_BACKOFF) +
  RECORD_ALLOWANCE_MS;

/**
 * How far past its end a lease must be before another sender takes it, and
 * the extra wait: clocks of two instances a little apart still agree the
 * holder is gone.
 */
export const LEASE_MARGIN_MS = 1_000;

export class DeliveryHeldError extends Error {
  override name = 'DeliveryHeldError';
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The claim's lease (its token: the sender's later writes are fenced with
 * it) when this sender now holds the delivery; undefined when there is
 * nothing to send (sent, failed, suppressed, or gone). A delivery another
 * sender holds is waited for, once, until its lease passes: by then that
 * sender has recorded it (nothing to send) or stopped (this one claims it).
 * Held again after that wait, or held for longer than any claim lasts, the
 * record fails and is retried later.
 */
export const claimDelivery = async (
  store: TableStore,
  delivery: Pick<Delivery, 'sourceId' | 'address'>,
  clock: Pick<BackoffClock, 'sleep'>
): Promise<string | undefined> => {
  for (let waited = false; ; waited = true) {
    const at = now().getTime();
    const leaseUntil = iso(at + CLAIM_LEASE_MS);
    try {
      await store.update(
        claimDeliveryUpdate(delivery, {
          at: iso(at),
          expiredBefore: iso(at - LEASE_MARGIN_MS),
          leaseUntil,
        })
      );
      return leaseUntil;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const current = refusedItem(error);
      if (current?.status !== 'sending' || typeof current.leaseUntil !== 'string') return undefined;
      // The SDK retried this very claim after its first answer was lost: it is ours.
      if (current.leaseUntil === leaseUntil) return leaseUntil;
      const wait = Date.parse(current.leaseUntil) + LEASE_MARGIN_MS - now().getTime();
      if (waited || wait > CLAIM_LEASE_MS + LEASE_MARGIN_MS)
        throw new DeliveryHeldError('another sender holds the delivery');
      await clock.sleep(Math.max(0, wait));
    }
  }
};

/** One attempt at its timeout and the record after it. */
export const ATTEMPT_AND_RECORD_MS = SEND_ATTEMPT_TIMEOUT_MS + RECORD_ALLOWANCE_MS;

/** Whether a lease leaves room for one more attempt and the record after it. */
export const leaseAllowsAttempt = (leaseUntil: string): boolean =>
  Date.parse(leaseUntil) - now().getTime() > ATTEMPT_AND_RECORD_MS;
