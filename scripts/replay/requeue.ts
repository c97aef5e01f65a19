/**
 * Puts a delivery back in front of the mailer: a `queued` one (its record
 * was parked after its retries, or its batch never came back) is deleted
 * and written again as a new queued item, so the stream offers it to the
 * mailer, which claims and sends it as usual. A `sending` one may already
 * have gone out (the crash window of one SendEmail call); it is re-queued
 * only when the operator says so, and never while its lease runs (a sender
 * is at it now). Any other status is final: untouched.
 */
import {
  createDeliveryPut,
  type Delivery,
  deleteDeliveryIfUnchanged,
  deliveryKeys,
  fromDeliveryItem,
} from '#core/entities/delivery';
import { isConditionFailure } from '#core/table/db';
import type { TableStore } from '#core/table/store';

/**
 * `now` is the operator's machine's clock, not the mailer's: a `sending`
 * delivery is left alone until its lease has been over this long by it.
 */
export const OPERATOR_CLOCK_MARGIN_MS = 5 * 60_000;

export type RequeueOutcome =
  | 'requeued'
  | 'missing'
  | 'changed meanwhile'
  | 'held by a sender'
  | `left ${Exclude<Delivery['status'], 'queued'>}`;

export const requeueDelivery = async (
  store: TableStore,
  key: Pick<Delivery, 'sourceId' | 'address'>,
  options: { resendSending: boolean; now: string }
): Promise<RequeueOutcome> => {
  const item = await store.get({
    Key: deliveryKeys(key),
    ConsistentRead: true,
  });
  if (!item) return 'missing';
  const delivery = fromDeliveryItem(item);
  const { status } = delivery;
  if (status !== 'queued' && !(status === 'sending' && options.resendSending))
    return `left ${status}`;
  if (
    status === 'sending' &&
    delivery.leaseUntil &&
    Date.parse(delivery.leaseUntil) > Date.parse(options.now) - OPERATOR_CLOCK_MARGIN_MS
  )
    return 'held by a sender';
  try {
    await store.delete(deleteDeliveryIfUnchanged(delivery));
  } catch (error) {
    if (isConditionFailure(error)) return 'changed meanwhile';
    throw error;
  }
  const { leaseUntil: _lease, ...unclaimed } = delivery;
  await store.put(createDeliveryPut({ ...unclaimed, status: 'queued', updatedAt: options.now }));
  return 'requeued';
};
