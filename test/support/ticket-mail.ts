/**
 * Ticket mail in tests: a ticket change written without its event (so no
 * stream consumer picks it up and the test hands the event over itself),
 * the stream record Lambda would deliver for it, and what the fan-out left
 * in the table (deliveries of an event, an account's email log).
 */
import { randomUUID } from 'node:crypto';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { writeTogether } from '#core/db/transact';
import { type Delivery, deliveriesOfSourceQuery, fromDeliveryItem } from '#core/entities/delivery';
import { type EmailLogEntry, emailLogPageQuery, fromEmailLogItem } from '#core/entities/email-log';
import { suppressionKeys } from '#core/entities/suppression';
import {
  createTicketEventPut,
  fromTicketEventItem,
  type TicketEvent,
} from '#core/entities/ticket-event';
import { queryAll, type TableStore } from '#core/table/store';
import type { TicketChange } from '../../functions/core/workflows/ticket-conversation.ts';
import { ticketEventSource } from '../../functions/notify/fan-out.ts';

const isEventPut = (write: TicketChange['writes'][number]) =>
  write.action.Put?.Item?.entity === 'ticketEvent';

/** Writes the change but its event, and returns the event as the API would have stored it. */
export const storeChangeWithoutEvent = async (
  store: TableStore,
  change: TicketChange
): Promise<TicketEvent> => {
  const eventItem = change.writes.find(isEventPut)?.action.Put?.Item;
  if (!eventItem) throw new Error('the change records no event');
  await writeTogether(
    change.writes.filter((write) => !isEventPut(write)),
    () => new Error('storing the ticket change failed'),
    store
  );
  return fromTicketEventItem(eventItem);
};

/** The INSERT record of the event's item, as the table stream carries it. */
export const streamEventOf = (event: TicketEvent): DynamoDBStreamEvent => {
  const record: DynamoDBRecord = {
    eventID: randomUUID(),
    eventName: 'INSERT',
    eventSource: 'aws:dynamodb',
    dynamodb: {
      SequenceNumber: String(Date.now()),
      NewImage: marshall(createTicketEventPut(event).Item ?? {}, {
        removeUndefinedValues: true,
      }),
    } as DynamoDBRecord['dynamodb'],
  };
  return { Records: [record] };
};

export const deliveriesOf = async (store: TableStore, eventId: string) =>
  (await queryAll(store, deliveriesOfSourceQuery(ticketEventSource(eventId)))).map(
    fromDeliveryItem
  );

export const emailLogOf = async (store: TableStore, accountId: string) =>
  (await queryAll(store, emailLogPageQuery(accountId, { limit: 100 }))).map(fromEmailLogItem);

/** An address SES reported, as the feedback function will record it. */
export const suppress = (store: TableStore, address: string) =>
  store.put({ Item: { ...suppressionKeys(address), entity: 'suppression' } });

/** A fresh address no other test uses (suppression is per address, across accounts). */
export const uniqueAddress = (label: string) =>
  `${label}-${randomUUID().slice(0, 8)}@customer.example`;

export const sortedAddresses = (items: { address?: string; to?: string }[]) =>
  items.map((item) => (item.address ?? item.to ?? '').toLowerCase()).sort();

/**
 * A queued delivery as whoever reads it after the fan-out finds it: where the
 * mailer runs (DynamoDB Local's stream), it may already be sending or sent.
 */
export const ON_ITS_WAY = ['queued', 'sending', 'sent'] as const;

/** A delivery without what the mailer moves on it (status, times, its claim's lease, SES's id). */
export const asWritten = ({
  status: _s,
  updatedAt: _u,
  leaseUntil: _l,
  sesMessageId: _m,
  ...rest
}: Delivery) => rest;

/** A log entry without what the mailer moves on it (status, time, SES's id). */
export const entryAsWritten = ({
  status: _s,
  updatedAt: _u,
  sesMessageId: _m,
  ...rest
}: EmailLogEntry) => rest;
