/**
 * Ticket message: one contribution to a ticket's conversation, stored under
 * the ticket in the account partition (`TICKET#<t>#MSG#<at>#<m>`) so the
 * ticket and its messages come back in one Query, oldest first. Each has
 * its own RFC 5322 Message-ID (message-id.ts) for mail threading.
 */
import type { PutInput } from '../table/inputs.ts';
import { PREFIX, TABLE } from '../table/table.ts';
import {
  attributesOf,
  type EntityOf,
  optional,
  readItem,
  shaped,
  shapedList,
  text,
} from './attributes.ts';
import { createPut } from './item-writes.ts';

/** How staff answers are signed for clients. */
export const HELPDESK_NAME = 'Helpdesk';

/** Who wrote it, as they were then; only `kind` and `name` are shown to clients. */
export type TicketAuthor =
  | { kind: 'contact'; contactId: string; name: string; email: string }
  | { kind: 'staff'; staffId: string; username: string; name: string };

/** A file that came with a message, kept in the mail bucket under its ticket. */
export interface MessageAttachment {
  key: string;
  filename: string;
  contentType: string;
  size: number;
}

/** What a file is before it is stored: its name, type and size. */
export type AttachmentFile = Omit<MessageAttachment, 'key'>;

/** Keeps a file name to safe characters for a key; the original name stays on the item. */
const keySafe = (filename: string) =>
  filename.replace(/[^A-Za-z0-9._-]+/g, '_').slice(-80) || 'file';

/** Where attachments live in the mail bucket (kept with their tickets, no expiry). */
export const ATTACHMENT_PREFIX = 'attachments/';

/** `attachments/<a>/<t>/<m>/<n>-<name>`: under the ticket, one folder per message. */
export const attachmentKey = (
  ids: { accountId: string; ticketId: string; messageId: string },
  index: number,
  filename: string
) =>
  `${ATTACHMENT_PREFIX}${ids.accountId}/${ids.ticketId}/${ids.messageId}/${index}-${keySafe(filename)}`;

/** What a ticketMessage item holds, declared once: the type and the item mapping derive from it. */
export const TICKET_MESSAGE_ATTRIBUTES = {
  id: text(),
  accountId: text(),
  ticketId: text(),
  author: shaped<TicketAuthor>(),
  body: text(),
  /** `<…@domain>`, unique (see message-id.ts). */
  emailMessageId: text(),
  /** Message-ID of the message this one answers; absent on the first. */
  inReplyTo: optional(text()),
  /** Files stored with the message (mail attachments); absent when none. */
  attachments: optional(shapedList<MessageAttachment>()),
  createdAt: text(),
};

export type TicketMessage = EntityOf<typeof TICKET_MESSAGE_ATTRIBUTES>;

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
  ...attributesOf(TICKET_MESSAGE_ATTRIBUTES, message),
});

export const fromTicketMessageItem = (item: Record<string, unknown>): TicketMessage =>
  readItem('ticketMessage', TICKET_MESSAGE_ATTRIBUTES, item);

export const isTicketMessageItem = (item: Record<string, unknown>) =>
  item.entity === 'ticketMessage';

/** create: a message is written once and never changed. */
export const createTicketMessagePut = (message: TicketMessage): PutInput =>
  createPut(toTicketMessageItem(message));
