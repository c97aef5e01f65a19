/**
 * A delivery: one mail of one source (a ticket event, a notice, an
 * invoice) to one address. Keyed by the source and the address, and
 * created only if absent, so a replayed source never mails an address
 * twice. Its status moves queued → sending → sent (or suppressed, or
 * failed), and from sent to bounced or complained when SES reports so. The
 * conditional claim (queued → sending, with a lease) keeps two senders from
 * sending the same delivery (docs/notifications.md).
 */
import { MAIL_CATEGORIES } from '../rules/mail-categories.ts';
import type { TransactUpdate } from '../table/db.ts';
import type { DeleteInput, PutInput, QueryInput, UpdateInput } from '../table/inputs.ts';
import { PREFIX, TABLE } from '../table/table.ts';
import {
  attributesOf,
  type EntityOf,
  oneOf,
  optional,
  readItem,
  shaped,
  text,
} from './attributes.ts';
import { normaliseEmail } from './contact.ts';
import { createPut } from './item-writes.ts';

export const DELIVERY_ENTITY = 'delivery';

export const DELIVERY_STATUSES = [
  'queued',
  'sending',
  'sent',
  'suppressed',
  'failed',
  'bounced',
  'complained',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const DELIVERY_ATTRIBUTES = {
  /** What the mail is about: `TICKETEVENT#<id>`, `NOTICE#<id>`, `INVOICE#<account>#<number>`. */
  sourceId: text(),
  accountId: text(),
  address: text(),
  contactId: optional(text()),
  category: oneOf(MAIL_CATEGORIES),
  language: text(),
  subject: text(),
  text: text(),
  html: text(),
  headers: shaped<Record<string, string>>(),
  status: oneOf(DELIVERY_STATUSES),
  /** The email log entry that shows it to the account (email-log.ts `emailLogKeys`). */
  logAt: text(),
  logId: text(),
  createdAt: text(),
  updatedAt: text(),
  /** Why it was not sent (suppressed address, SES refusal). */
  reason: optional(text()),
  /** SES's id of the sent message. */
  sesMessageId: optional(text()),
  /**
   * While `sending`: until when the sender that claimed it may still be at
   * work. Past it, that sender stopped, and the delivery may be claimed again.
   */
  leaseUntil: optional(text()),
};

export type Delivery = EntityOf<typeof DELIVERY_ATTRIBUTES>;

export const deliveryKeys = ({ sourceId, address }: Pick<Delivery, 'sourceId' | 'address'>) => ({
  [TABLE.partitionKey]: `${PREFIX.delivery}${sourceId}`,
  [TABLE.sortKey]: `${PREFIX.deliveryTo}${normaliseEmail(address)}`,
});

export const toDeliveryItem = (delivery: Delivery) => ({
  ...deliveryKeys(delivery),
  entity: DELIVERY_ENTITY,
  ...attributesOf(DELIVERY_ATTRIBUTES, delivery),
});

export const fromDeliveryItem = (item: Record<string, unknown>): Delivery =>
  readItem(DELIVERY_ENTITY, DELIVERY_ATTRIBUTES, item);

/** create: a source mails an address once, however often the source is replayed. */
export const createDeliveryPut = (delivery: Delivery): PutInput =>
  createPut(toDeliveryItem(delivery));

/**
 * The status moves only from `from`: a second sender, or a replay, finds it
 * moved and stops. `heldUntil` fences a move out of `sending` to the claim
 * that set that lease: a sender whose lease ran out and was claimed again
 * moves nothing.
 */
export const moveDeliveryUpdate = (
  delivery: Pick<Delivery, 'sourceId' | 'address'>,
  from: DeliveryStatus,
  to: { status: DeliveryStatus; updatedAt: string; reason?: string; sesMessageId?: string },
  heldUntil?: string
): TransactUpdate => {
  const extra = Object.entries(to).filter(([name]) => name !== 'status' && name !== 'updatedAt');
  return {
    Key: deliveryKeys(delivery),
    UpdateExpression: `SET #status = :to, #updatedAt = :at${extra.map(([name]) => `, #${name} = :${name}`).join('')}`,
    ConditionExpression:
      heldUntil === undefined ? '#status = :from' : '#status = :from AND #leaseUntil = :heldUntil',
    ExpressionAttributeNames: {
      '#status': 'status',
      '#updatedAt': 'updatedAt',
      ...(heldUntil === undefined ? {} : { '#leaseUntil': 'leaseUntil' }),
      ...Object.fromEntries(extra.map(([name]) => [`#${name}`, name])),
    },
    ExpressionAttributeValues: {
      ':to': to.status,
      ':from': from,
      ':at': to.updatedAt,
      ...(heldUntil === undefined ? {} : { ':heldUntil': heldUntil }),
      ...Object.fromEntries(extra.map(([name, value]) => [`:${name}`, value])),
    },
  };
};

/**
 * The sender's claim: queued → sending, with a lease. A delivery left
 * `sending` by a sender that stopped (its lease passed, or it was claimed
 * before leases existed) is claimed again, once its lease has passed by
 * `expiredBefore` (a margin for clocks apart); one whose sender may still
 * be at work is not. A refused claim returns the item as it is, so the
 * sender can tell "held" (wait for the lease) from "done" (nothing to do).
 */
export const claimDeliveryUpdate = (
  delivery: Pick<Delivery, 'sourceId' | 'address'>,
  claim: { at: string; expiredBefore: string; leaseUntil: string }
): UpdateInput => ({
  Key: deliveryKeys(delivery),
  UpdateExpression: 'SET #status = :sending, #updatedAt = :at, #leaseUntil = :leaseUntil',
  ConditionExpression:
    '#status = :queued OR (#status = :sending AND (attribute_not_exists(#leaseUntil) OR #leaseUntil <= :expiredBefore))',
  ExpressionAttributeNames: {
    '#status': 'status',
    '#updatedAt': 'updatedAt',
    '#leaseUntil': 'leaseUntil',
  },
  ExpressionAttributeValues: {
    ':queued': 'queued',
    ':sending': 'sending',
    ':at': claim.at,
    ':expiredBefore': claim.expiredBefore,
    ':leaseUntil': claim.leaseUntil,
  },
  ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
});

/**
 * SES feedback on a sent delivery: only the send SES names (a resent
 * delivery has a newer id) and only once, so a replayed report finds it
 * moved and changes nothing.
 */
export const feedbackDeliveryUpdate = (
  delivery: Pick<Delivery, 'sourceId' | 'address'>,
  sesMessageId: string,
  to: { status: 'bounced' | 'complained'; updatedAt: string; reason: string }
): TransactUpdate => {
  const move = moveDeliveryUpdate(delivery, 'sent', to);
  return {
    ...move,
    ConditionExpression: `${move.ConditionExpression} AND #sesMessageId = :sesMessageId`,
    ExpressionAttributeNames: { ...move.ExpressionAttributeNames, '#sesMessageId': 'sesMessageId' },
    ExpressionAttributeValues: { ...move.ExpressionAttributeValues, ':sesMessageId': sesMessageId },
  };
};

/**
 * An operator's re-queue (scripts/replay): the delivery goes only if it is
 * still as it was read, then comes back as a new queued item, which the
 * stream offers the sender again (an update would not: the filter takes
 * INSERTs only).
 */
export const deleteDeliveryIfUnchanged = (
  delivery: Pick<Delivery, 'sourceId' | 'address' | 'status' | 'updatedAt'>
): DeleteInput => ({
  Key: deliveryKeys(delivery),
  ConditionExpression: '#status = :status AND #updatedAt = :at',
  ExpressionAttributeNames: { '#status': 'status', '#updatedAt': 'updatedAt' },
  ExpressionAttributeValues: { ':status': delivery.status, ':at': delivery.updatedAt },
});

/** The sender's event source: new deliveries that wait to be sent. */
export const DELIVERY_STREAM_FILTER = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { entity: { S: [DELIVERY_ENTITY] }, status: { S: ['queued'] } } },
} as const;

/** Access pattern `deliveriesOfSource`: every delivery of one ticket event, notice or invoice. */
export const deliveriesOfSourceQuery = (sourceId: string): QueryInput => ({
  KeyConditionExpression: '#pk = :pk',
  ExpressionAttributeNames: { '#pk': TABLE.partitionKey },
  ExpressionAttributeValues: { ':pk': `${PREFIX.delivery}${sourceId}` },
  ConsistentRead: true,
});
