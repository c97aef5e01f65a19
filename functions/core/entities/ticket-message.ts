/**
 * Ticket message: one contribution to a ticket's conversation, stored under
 * the ticket in the account partition (`TICKET#<t>#MSG#<at>#<m>`) so the
 * ticket and its messages come back in one Query, oldest first. Each has
 * its own RFC 5322 Message-ID (message-id.ts) for mail threading.
 */
import type { PutCommandInput } from '@aws-sdk/lib-dynamodb';
import { PREFIX, TABLE } from '../table.ts';
import { createPut } from './item-writes.ts';

/** How staff answers are signed for clients. */
export const HELPDESK_NAME = 'Helpdesk';

/** Who wrote it, as they were then; only `kind` and `name` are shown to clients. */
export type TicketAuthor =
  | { kind: 'contact'; contactId: string; name: string; email: string }
  | { kind: 'staff'; staffId: string; username: string; name: string };

export interface TicketMessage {
  id: string;
  accountId: string;
  ticketId: string;
  author: TicketAuthor;
  body: string;
  /** `<…@domain>`, unique (see message-id.ts). */
  emailMessageId: string;
  /** Message-ID of the message this one answers; absent on the first. */
  inReplyTo?: string;
  createdAt: string;
}

export const ticketMessageKeys = ({
  accountId,
  ticketId,
  createdAt,
  id,
}: Pick<TicketMessage, 'accountId' | 'ticketId' | 'createdAt' | 'id'>) => ({
  [TABLE.partitionKey]: `${PREFIX.account}${accountId}`,
  [TABLE.sortKey]: `${PREFIX.ticket}${ticketId}#${PREFIX.message}${createdAt}#${id}`,
});

export const toTicketMessageItem = (message: TicketMessage) => ({
  ...ticketMessageKeys(message),
  entity: 'ticketMessage',
  ...message,
});

export const fromTicketMessageItem = (item: Record<string, unknown>): TicketMessage => ({
  id: item.id as string,
  accountId: item.accountId as string,
  ticketId: item.ticketId as string,
  author: item.author as TicketAuthor,
  body: item.body as string,
  emailMessageId: item.emailMessageId as string,
  inReplyTo: item.inReplyTo as string | undefined,
  createdAt: item.createdAt as string,
});

export const isTicketMessageItem = (item: Record<string, unknown>) =>
  item.entity === 'ticketMessage';

/** The API view: the author's kind and name only (no contact, login or staff ids). */
export const toTicketMessageView = (message: TicketMessage) => ({
  id: message.id,
  author: { kind: message.author.kind, name: message.author.name },
  body: message.body,
  createdAt: message.createdAt,
});

/** create: a message is written once and never changed. */
export const createTicketMessagePut = (
  tableName: string,
  message: TicketMessage
): PutCommandInput => createPut(tableName, toTicketMessageItem(message));
