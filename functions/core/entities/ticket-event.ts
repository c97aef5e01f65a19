/**
 * Ticket event: one thing that happened to a ticket (submitted, replied by
 * a contact, answered by staff, closed, reopened or marked answered by
 * staff without a message), written in the same transaction as
 * the change itself and never updated. Events have a partition per ticket
 * (`TICKET#<t>` / `EVENT#<at>#<id>`), outside the account partition, and
 * carry everything a mail about them needs, so a stream consumer can turn
 * each INSERT into mail exactly once without reading the ticket again.
 */
import type { PutInput, QueryInput } from '../table/inputs.ts';
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
import { createPut } from './item-writes.ts';
import { DEPARTMENTS, TICKET_STATUSES, type TicketOpener } from './ticket.ts';
import type { TicketAuthor } from './ticket-message.ts';

export const TICKET_EVENT_TYPES = [
  'submitted',
  'replied',
  'answered',
  'closed',
  'reopened',
  'marked-answered',
] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

/** What a ticketEvent item holds, declared once: the type and the item mapping derive from it. */
export const TICKET_EVENT_ATTRIBUTES = {
  id: text(),
  type: oneOf(TICKET_EVENT_TYPES),
  at: text(),
  accountId: text(),
  ticketId: text(),
  serviceId: optional(text()),
  subject: text(),
  department: oneOf(DEPARTMENTS),
  openedBy: shaped<TicketOpener>(),
  author: shaped<TicketAuthor>(),
  /** The ticket's status after the event. */
  status: oneOf(TICKET_STATUSES),
  /** The message the event carries (absent on `closed`, `reopened`, `marked-answered`). */
  messageId: optional(text()),
  emailMessageId: optional(text()),
  /** Threading for the mail: the ticket's first Message-ID and the one this event follows. */
  rootEmailMessageId: text(),
  inReplyTo: optional(text()),
};

export type TicketEvent = EntityOf<typeof TICKET_EVENT_ATTRIBUTES>;

export const ticketEventKeys = ({
  ticketId,
  at,
  id,
}: Pick<TicketEvent, 'ticketId' | 'at' | 'id'>) => ({
  [TABLE.partitionKey]: `${PREFIX.ticket}${ticketId}`,
  [TABLE.sortKey]: `${PREFIX.ticketEvent}${at}#${id}`,
});

/** create: each event is recorded once (the stream sees exactly one INSERT). */
export const createTicketEventPut = (event: TicketEvent): PutInput =>
  createPut({
    ...ticketEventKeys(event),
    entity: 'ticketEvent',
    ...attributesOf(TICKET_EVENT_ATTRIBUTES, event),
  });

export const isTicketEventItem = (item: Record<string, unknown>) => item.entity === 'ticketEvent';

export const fromTicketEventItem = (item: Record<string, unknown>): TicketEvent =>
  readItem('ticketEvent', TICKET_EVENT_ATTRIBUTES, item);

/** Access pattern `eventsOfTicket`: a ticket's history, oldest first. */
export const ticketEventsQuery = (ticketId: string): QueryInput => ({
  KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :event)',
  ExpressionAttributeNames: { '#pk': TABLE.partitionKey, '#sk': TABLE.sortKey },
  ExpressionAttributeValues: { ':pk': `${PREFIX.ticket}${ticketId}`, ':event': PREFIX.ticketEvent },
  ConsistentRead: true,
});

/** The ticket-mail fan-out's event source: every new ticket event. */
export const TICKET_EVENT_STREAM_FILTER = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { entity: { S: ['ticketEvent'] } } },
} as const;
