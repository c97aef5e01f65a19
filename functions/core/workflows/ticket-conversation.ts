/**
 * What each ticket event writes, as one transaction: the ticket's new image,
 * the message with its Message-ID marker, and the event item that the mail
 * notifications will be made from. The event is written if and only if the
 * change is, so each event turns into mail exactly once.
 */

import { commitOnce, type IdempotencyClaim } from '../db/idempotency.ts';
import { type GuardedWrite, writeTogether } from '../db/transact.ts';
import { createMessageIdMarkerPut, emailMessageIdFor } from '../entities/message-id.ts';
import { serviceExistsCheck } from '../entities/service.ts';
import {
  createTicketPut,
  type Department,
  replaceTicketPut,
  type StaffSetStatus,
  type Ticket,
  type TicketStatus,
} from '../entities/ticket.ts';
import {
  createTicketEventPut,
  type TicketEvent,
  type TicketEventType,
} from '../entities/ticket-event.ts';
import { createTicketLocatorPut } from '../entities/ticket-locator.ts';
import {
  type AttachmentFile,
  attachmentKey,
  createTicketMessagePut,
  type TicketAuthor,
  type TicketMessage,
} from '../entities/ticket-message.ts';
import { readMessageIdConfig } from '../platform/config.ts';
import { ConflictError, UnprocessableContentError } from '../platform/errors.ts';
import { sortableId } from '../platform/ids.ts';
import { PROBLEM } from '../platform/problem-types.ts';
import type { TableStore } from '../table/store.ts';

const { domain } = readMessageIdConfig();

/** Past this, a conversation is better continued in a new ticket (and the detail stays one response). */
export const MAX_MESSAGES = 100;

/** The status machine: each event sets one status, whatever the status was. */
const STATUS_AFTER: Record<TicketEventType, TicketStatus> = {
  submitted: 'open',
  replied: 'customer-reply',
  answered: 'answered',
  closed: 'closed',
  reopened: 'open',
  'marked-answered': 'answered',
};

/** The event each status the helpdesk sets by hand records. */
const EVENT_SETTING: Record<StaffSetStatus, TicketEventType> = {
  open: 'reopened',
  answered: 'marked-answered',
  closed: 'closed',
};

export interface TicketChange {
  ticket: Ticket;
  message?: TicketMessage;
  writes: GuardedWrite[];
}

/**
 * Commits a change that adds a message, once per idempotency claim: a retry
 * with the same key answers the ticket and message the first one wrote.
 */
export const saveMessageOnce = async (
  store: TableStore,
  claim: IdempotencyClaim | undefined,
  change: TicketChange & { message: TicketMessage }
) => {
  const { result, replayed } = await commitOnce(
    claim,
    { ticket: change.ticket, message: change.message },
    change.message.createdAt,
    (idempotencyWrites) =>
      writeTogether([...idempotencyWrites, ...change.writes], staleTicket, store)
  );
  return { ...result, replayed };
};

export const staleTicket = () =>
  new ConflictError(
    PROBLEM.changedMeanwhile,
    'The ticket changed while you were writing to it; nothing was saved. Fetch it and try again.'
  );

const newMessage = (
  ids: { accountId: string; ticketId: string },
  author: TicketAuthor,
  body: string,
  at: Date,
  thread: { inReplyTo?: string | undefined; files?: AttachmentFile[] | undefined }
): TicketMessage => {
  const id = sortableId(at);
  const files = thread.files ?? [];
  return {
    id,
    ...ids,
    author,
    body,
    emailMessageId: emailMessageIdFor(id, domain),
    ...(thread.inReplyTo ? { inReplyTo: thread.inReplyTo } : {}),
    ...(files.length > 0
      ? {
          // Only what describes each file: its bytes live in the mail bucket.
          attachments: files.map(({ filename, contentType, size }, index) => ({
            key: attachmentKey({ ...ids, messageId: id }, index, filename),
            filename,
            contentType,
            size,
          })),
        }
      : {}),
    createdAt: at.toISOString(),
  };
};

const eventOf = (
  type: TicketEventType,
  ticket: Ticket,
  author: TicketAuthor,
  at: Date,
  thread: { message?: TicketMessage; inReplyTo?: string }
): TicketEvent => ({
  id: sortableId(at),
  type,
  at: at.toISOString(),
  accountId: ticket.accountId,
  ticketId: ticket.id,
  ...(ticket.serviceId ? { serviceId: ticket.serviceId } : {}),
  subject: ticket.subject,
  department: ticket.department,
  openedBy: ticket.openedBy,
  author,
  status: ticket.status,
  ...(thread.message
    ? { messageId: thread.message.id, emailMessageId: thread.message.emailMessageId }
    : {}),
  rootEmailMessageId: ticket.rootEmailMessageId,
  ...(thread.inReplyTo ? { inReplyTo: thread.inReplyTo } : {}),
});

const messageWrites = (message: TicketMessage): GuardedWrite[] => [
  { action: { Put: createTicketMessagePut(message) } },
  {
    action: {
      Put: createMessageIdMarkerPut({
        emailMessageId: message.emailMessageId,
        accountId: message.accountId,
        ticketId: message.ticketId,
        messageId: message.id,
        createdAt: message.createdAt,
      }),
    },
  },
];

const eventWrite = (event: TicketEvent): GuardedWrite => ({
  action: { Put: createTicketEventPut(event) },
});

export interface NewTicket {
  accountId: string;
  subject: string;
  department: Department;
  serviceId?: string;
  body: string;
  /** Files to store with the first message (their keys are on the message). */
  files?: AttachmentFile[];
}

/** Submission: ticket, first message, its marker, the locator for staff routes, `submitted`. */
export const submitTicket = (
  input: NewTicket,
  author: Extract<TicketAuthor, { kind: 'contact' }>,
  now: Date
): TicketChange & { message: TicketMessage } => {
  const ticketId = sortableId(now);
  const message = newMessage({ accountId: input.accountId, ticketId }, author, input.body, now, {
    files: input.files,
  });
  const at = now.toISOString();
  const ticket: Ticket = {
    id: ticketId,
    accountId: input.accountId,
    subject: input.subject,
    department: input.department,
    ...(input.serviceId ? { serviceId: input.serviceId } : {}),
    status: STATUS_AFTER.submitted,
    openedBy: { contactId: author.contactId, name: author.name, email: author.email },
    messageCount: 1,
    rootEmailMessageId: message.emailMessageId,
    lastEmailMessageId: message.emailMessageId,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const serviceGuard: GuardedWrite[] = input.serviceId
    ? [
        {
          action: {
            ConditionCheck: serviceExistsCheck({
              accountId: input.accountId,
              serviceId: input.serviceId,
            }),
          },
          onConditionFailed: () =>
            new UnprocessableContentError(PROBLEM.unknownReference, [
              {
                field: 'serviceId',
                code: 'unknown_reference',
                message: 'This account has no service with this id.',
              },
            ]),
        },
      ]
    : [];
  return {
    ticket,
    message,
    writes: [
      ...serviceGuard,
      { action: { Put: createTicketPut(ticket) } },
      ...messageWrites(message),
      {
        action: {
          Put: createTicketLocatorPut({
            ticketId,
            accountId: input.accountId,
            createdAt: at,
          }),
        },
      },
      eventWrite(eventOf('submitted', ticket, author, now, { message })),
    ],
  };
};

/** A reply (`replied` by a contact, `answered` by staff): message, marker, new status, event. */
export const addMessage = (
  ticket: Ticket,
  type: 'replied' | 'answered',
  author: TicketAuthor,
  body: string,
  now: Date,
  files?: AttachmentFile[]
): TicketChange & { message: TicketMessage } => {
  if (ticket.messageCount >= MAX_MESSAGES) {
    throw new ConflictError(
      PROBLEM.ticketFull,
      `This ticket holds ${MAX_MESSAGES} messages, the most one ticket takes. Open a new ticket and mention this one.`
    );
  }
  const message = newMessage(
    { accountId: ticket.accountId, ticketId: ticket.id },
    author,
    body,
    now,
    { inReplyTo: ticket.lastEmailMessageId, files }
  );
  const next: Ticket = {
    ...ticket,
    status: STATUS_AFTER[type],
    messageCount: ticket.messageCount + 1,
    lastEmailMessageId: message.emailMessageId,
    version: ticket.version + 1,
    updatedAt: message.createdAt,
  };
  return {
    ticket: next,
    message,
    writes: [
      { action: { Put: replaceTicketPut(next, ticket.version) } },
      ...messageWrites(message),
      eventWrite(eventOf(type, next, author, now, { message, inReplyTo: message.inReplyTo })),
    ],
  };
};

/**
 * A change of status without a message: the new status and its event.
 * Setting the status a ticket already has changes nothing and records
 * nothing (closing a closed ticket, reopening an open one).
 */
const changeStatus = (
  ticket: Ticket,
  type: TicketEventType,
  author: TicketAuthor,
  now: Date
): TicketChange => {
  if (ticket.status === STATUS_AFTER[type]) return { ticket, writes: [] };
  const next: Ticket = {
    ...ticket,
    status: STATUS_AFTER[type],
    version: ticket.version + 1,
    updatedAt: now.toISOString(),
  };
  return {
    ticket: next,
    writes: [
      { action: { Put: replaceTicketPut(next, ticket.version) } },
      eventWrite(eventOf(type, next, author, now, { inReplyTo: ticket.lastEmailMessageId })),
    ],
  };
};

/** Closing: new status and `closed`. Closing a closed ticket changes nothing and records nothing. */
export const closeTicket = (ticket: Ticket, author: TicketAuthor, now: Date): TicketChange =>
  changeStatus(ticket, 'closed', author, now);

/** The helpdesk sets a status: `closed`, `reopened` (open) or `marked-answered`. */
export const setTicketStatus = (
  ticket: Ticket,
  status: StaffSetStatus,
  author: TicketAuthor,
  now: Date
): TicketChange => changeStatus(ticket, EVENT_SETTING[status], author, now);
