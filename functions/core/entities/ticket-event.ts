/**
 * Ticket event: one thing that happened to a ticket (submitted, replied by
 * a contact, answered by staff, closed, reopened or marked answered by
 * staff without a message), written in the same transaction as
 * the change itself and never updated. Events have a partition per ticket
 * (`TICKET#<t>` / `EVENT#<at>#<id>`), outside the account partition, and
 * carry everything a mail about them needs, so a stream consumer can turn
 * each INSERT into mail exactly once without reading the ticket again.
 */
import type { PutCommandInput, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { PREFIX, TABLE } from '../table/table.ts';
import { createPut } from './item-writes.ts';
import type { Department, TicketOpener, TicketStatus } from './ticket.ts';
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

export interface TicketEvent {
  id: string;
  type: TicketEventType;
  at: string;
  accountId: string;
  ticketId: string;
  serviceId?: string;
  subject: string;
  department: Department;
  openedBy: TicketOpener;
  author: TicketAuthor;
  /** The ticket's status after the event. */
  status: TicketStatus;
  /** The message the event carries (absent on `closed`, `reopened`, `marked-answered`). */
  messageId?: string;
  emailMessageId?: string;
  /** Threading for the mail: the ticket's first Message-ID and the one this event follows. */
  rootEmailMessageId: string;
  inReplyTo?: string;
}

export const ticketEventKeys = ({
  ticketId,
  at,
  id,
}: Pick<TicketEvent, 'ticketId' | 'at' | 'id'>) => ({
  [TABLE.partitionKey]: `${PREFIX.ticket}${ticketId}`,
  [TABLE.sortKey]: `${PREFIX.ticketEvent}${at}#${id}`,
});

/** create: each event is recorded once (the stream sees exactly one INSERT). */
export const createTicketEventPut = (tableName: string, event: TicketEvent): PutCommandInput =>
  createPut(tableName, { ...ticketEventKeys(event), entity: 'ticketEvent', ...event });

export const isTicketEventItem = (item: Record<string, unknown>) => item.entity === 'ticketEvent';

export const fromTicketEventItem = (item: Record<string, unknown>): TicketEvent => ({
  id: item.id as string,
  type: item.type as TicketEventType,
  at: item.at as string,
  accountId: item.accountId as string,
  ticketId: item.ticketId as string,
  serviceId: item.serviceId as string | undefined,
  subject: item.subject as string,
  department: item.department as Department,
  openedBy: item.openedBy as TicketOpener,
  author: item.author as TicketAuthor,
  status: item.status as TicketStatus,
  messageId: item.messageId as string | undefined,
  emailMessageId: item.emailMessageId as string | undefined,
  rootEmailMessageId: item.rootEmailMessageId as string,
  inReplyTo: item.inReplyTo as string | undefined,
});

/** Access pattern `eventsOfTicket`: a ticket's history, oldest first. */
export const ticketEventsQuery = (tableName: string, ticketId: string): QueryCommandInput => ({
  TableName: tableName,
  KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :event)',
  ExpressionAttributeNames: { '#pk': TABLE.partitionKey, '#sk': TABLE.sortKey },
  ExpressionAttributeValues: { ':pk': `${PREFIX.ticket}${ticketId}`, ':event': PREFIX.ticketEvent },
  ConsistentRead: true,
});
