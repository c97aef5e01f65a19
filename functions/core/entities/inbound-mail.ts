/**
 * Inbound mail record: `INBOUND#<SES message id>` / `INBOUND`, one per
 * mail SES received for support, whatever became of it. It is created in
 * the same transaction as the ticket, reply or refusal it led to, so a
 * redelivered SES event finds it and writes nothing twice. Refusals also
 * sit in gsi1 (`INBOUND#REFUSALS`, newest first) for the helpdesk.
 */
import type { GetInput, PutInput, QueryInput } from '../table/inputs.ts';
import { PREFIX, TABLE } from '../table/table.ts';
import { attributesOf, type EntityOf, oneOf, optional, readItem, text } from './attributes.ts';
import { createPut } from './item-writes.ts';

export const INBOUND_OUTCOMES = ['opened', 'replied', 'refused', 'dropped'] as const;
export type InboundOutcome = (typeof INBOUND_OUTCOMES)[number];

/** Why a mail was refused (answered with an explanation) or dropped (kept, never answered). */
export const INBOUND_REASONS = [
  'authentication-failed',
  'spam-or-virus',
  'not-registered',
  'several-accounts',
  'not-allowed',
  'service-not-allowed',
  'unknown-service',
  'thread-not-allowed',
  'ticket-full',
  'too-large',
  'too-many-attachments',
  'empty',
  'loop',
  'unreadable',
] as const;
export type InboundReason = (typeof INBOUND_REASONS)[number];

export const INBOUND_MAIL_ATTRIBUTES = {
  sesMessageId: text(),
  receivedAt: text(),
  /** The From address, normalised; empty when the mail had none. */
  from: text(),
  subject: text(),
  /** Where the raw MIME is kept (the mail bucket). */
  rawKey: text(),
  outcome: oneOf(INBOUND_OUTCOMES),
  reason: optional(oneOf(INBOUND_REASONS)),
  accountId: optional(text()),
  ticketId: optional(text()),
  messageId: optional(text()),
};

export type InboundMail = EntityOf<typeof INBOUND_MAIL_ATTRIBUTES>;

export const inboundMailKeys = (sesMessageId: string) => ({
  [TABLE.partitionKey]: `${PREFIX.inbound}${sesMessageId}`,
  [TABLE.sortKey]: PREFIX.inboundItem,
});

const refusalIndexKeys = (mail: InboundMail) =>
  mail.outcome === 'refused'
    ? {
        [TABLE.indexes.gsi1.partitionKey]: PREFIX.inboundRefusals,
        [TABLE.indexes.gsi1.sortKey]: `${mail.receivedAt}#${mail.sesMessageId}`,
      }
    : {};

/** create: the first delivery of a mail records it; a redelivery's transaction fails on this. */
export const createInboundMailPut = (mail: InboundMail): PutInput =>
  createPut({
    ...inboundMailKeys(mail.sesMessageId),
    ...refusalIndexKeys(mail),
    entity: 'inboundMail',
    ...attributesOf(INBOUND_MAIL_ATTRIBUTES, mail),
  });

/** Access pattern `inboundMailBySesId`: was this mail handled already? */
export const getInboundMailCommand = (sesMessageId: string): GetInput => ({
  Key: inboundMailKeys(sesMessageId),
  ConsistentRead: true,
});

export const fromInboundMailItem = (item: Record<string, unknown>): InboundMail =>
  readItem('inboundMail', INBOUND_MAIL_ATTRIBUTES, item);

export const inboundRefusalsPartition = () => ({
  partitionAttribute: TABLE.indexes.gsi1.partitionKey,
  partitionValue: PREFIX.inboundRefusals,
});

/** Access pattern `inboundRefusals` (gsi1): newest first, one page. */
export const inboundRefusalsPageQuery = (page: {
  limit: number;
  startKey?: Record<string, unknown>;
}): QueryInput => ({
  IndexName: TABLE.indexes.gsi1.name,
  KeyConditionExpression: '#pk = :pk',
  ExpressionAttributeNames: { '#pk': TABLE.indexes.gsi1.partitionKey },
  ExpressionAttributeValues: { ':pk': PREFIX.inboundRefusals },
  ScanIndexForward: false,
  Limit: page.limit,
  ExclusiveStartKey: page.startKey,
});
