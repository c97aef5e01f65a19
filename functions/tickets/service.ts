/**
 * Tickets as a member of the account sees them: list, open, read, reply,
 * close. Every request reads the membership (authorization) and makes one
 * more read; every change is one transaction (conversation.ts).
 */

import type { MemberCaller } from '#core/access/caller';
import { maySee, seesEveryTicket } from '#core/access/ticket-reach';
import { claimOf, memberScope } from '#core/db/idempotency';
import { type GuardedWrite, writeTogether } from '#core/db/transact';
import { type Contact, contactDisplayName } from '#core/entities/contact';
import { supportReachCheck } from '#core/entities/membership';
import {
  DEFAULT_DEPARTMENT,
  type Ticket,
  ticketsOfAccountPartition,
  ticketsOfAccountQuery,
} from '#core/entities/ticket';
import type { TicketAuthor } from '#core/entities/ticket-message';
import * as clock from '#core/platform/clock';
import { ForbiddenError, NotFoundError } from '#core/platform/errors';
import { isSortableId } from '#core/platform/ids';
import { PROBLEM } from '#core/platform/problem-types';
import type { TableStore } from '#core/table/store';
import {
  addMessage,
  closeTicket,
  saveMessageOnce,
  staleTicket,
  submitTicket,
  type TicketChange,
} from '#core/workflows/ticket-conversation';
import { attachUploads, claimUploads, filesOf } from './attachments.ts';
import { loginRateToken } from './rate-tokens.ts';
import type { TicketCreate, TicketListQuery } from './schemas.ts';
import {
  loadContactAndUploads,
  loadConversation,
  loadTicketAndContact,
  ticketPage,
} from './store.ts';
import { assertMayOpenAbout, ticketNotFound, visibleOrNotFound } from './visibility.ts';

type ContactAuthor = Extract<TicketAuthor, { kind: 'contact' }>;

const authorOf = (contact: Contact | undefined): ContactAuthor => {
  // The membership and its contact are removed together, so this only happens mid-removal.
  if (!contact) throw new NotFoundError(PROBLEM.notFound, 'The account does not exist.');
  return {
    kind: 'contact',
    contactId: contact.id,
    name: contactDisplayName(contact),
    email: contact.email,
  };
};

const idsOf = (caller: MemberCaller, ticketId: string) => {
  // Ids are ours: anything else cannot name a ticket (and never widens the key prefix).
  if (!isSortableId(ticketId)) throw ticketNotFound();
  return { accountId: caller.membership.accountId, ticketId };
};

const save = async <C extends TicketChange>(store: TableStore, change: C): Promise<C> => {
  if (change.writes.length > 0) await writeTogether(change.writes, staleTicket, store);
  return change;
};

export const listTickets = (
  store: TableStore,
  caller: MemberCaller,
  { status, cursor, limit }: TicketListQuery
) => {
  const { membership } = caller;
  const restricted = !seesEveryTicket(membership);
  const keep =
    restricted || status
      ? (ticket: Ticket) => (!status || ticket.status === status) && maySee(membership, ticket)
      : undefined;
  return ticketPage(
    store,
    { list: 'tickets', owner: caller, ...ticketsOfAccountPartition(membership.accountId) },
    (page) => ticketsOfAccountQuery(membership.accountId, page),
    'gsi1',
    { limit, cursor, keep }
  );
};

/**
 * How many tickets one login may open per window (a fixed clock hour),
 * whichever accounts it opens them on: plenty for a person, a wall for a
 * script flooding the helpdesk queue and the primary's mailbox.
 */
export const TICKET_OPENING_LIMIT = { limit: 20, windowSeconds: 3600 } as const;

/** Spends one of the login's ticket openings (see rate-tokens.ts). */
const ticketOpeningToken = (loginId: string, now: Date): GuardedWrite =>
  loginRateToken(
    `ticket#login#${loginId}`,
    TICKET_OPENING_LIMIT,
    now,
    (limit, later) =>
      `This login opened ${limit} tickets this hour, the most it may; try again in ${later}, or add to a ticket that is already open.`
  );

/**
 * Opens a ticket. With an idempotency key, a retry of the same request
 * answers the ticket the first one opened (`replayed`), never a second one.
 */
export const openTicket = async (
  store: TableStore,
  caller: MemberCaller,
  input: TicketCreate,
  idempotencyKey?: string
) => {
  const { membership } = caller;
  if (input.serviceId !== undefined) assertMayOpenAbout(membership, input.serviceId);
  const uploadIds = input.attachments ?? [];
  const { contact, uploads } = await loadContactAndUploads(
    store,
    { accountId: membership.accountId, contactId: membership.contactId },
    uploadIds
  );
  const claimed = claimUploads(caller, uploadIds, uploads, idempotencyKey !== undefined);
  const now = clock.now();
  const change = submitTicket(
    {
      accountId: membership.accountId,
      subject: input.subject,
      department: input.department ?? DEFAULT_DEPARTMENT,
      serviceId: input.serviceId,
      body: input.body,
      files: filesOf(claimed),
    },
    authorOf(contact),
    now
  );
  change.writes.push(ticketOpeningToken(caller.loginId, now));
  // The scope was checked on the membership as read; the transaction checks it still holds.
  if (input.serviceId !== undefined && membership.role !== 'primary') {
    change.writes.push({
      action: {
        ConditionCheck: supportReachCheck(membership, input.serviceId),
      },
      onConditionFailed: () =>
        new ForbiddenError(
          PROBLEM.supportAccessChanged,
          'Your support access to this service changed while the ticket was being opened; nothing was saved.'
        ),
    });
  }
  change.writes.push(...(await attachUploads(claimed, change.message)));
  const opened = await saveMessageOnce(
    store,
    claimOf(memberScope(caller), 'createTicket', idempotencyKey, input),
    change
  );
  return { ticket: opened.ticket, messages: [opened.message], replayed: opened.replayed };
};

export const getTicket = async (store: TableStore, caller: MemberCaller, ticketId: string) => {
  const conversation = await loadConversation(store, idsOf(caller, ticketId));
  if (!conversation || !maySee(caller.membership, conversation.ticket)) throw ticketNotFound();
  return conversation;
};

const loadForChange = async (
  store: TableStore,
  caller: MemberCaller,
  ticketId: string,
  uploadIds: readonly string[] = []
) => {
  const { ticket, contact, uploads } = await loadTicketAndContact(
    store,
    idsOf(caller, ticketId),
    caller.membership.contactId,
    uploadIds
  );
  return {
    ticket: visibleOrNotFound(caller.membership, ticket),
    author: authorOf(contact),
    uploads,
  };
};

/** A contact's reply: `customer-reply`, also on a closed ticket (a reply reopens it). */
export const replyToTicket = async (
  store: TableStore,
  caller: MemberCaller,
  ticketId: string,
  body: string,
  idempotencyKey?: string,
  uploadIds: readonly string[] = []
) => {
  const { ticket, author, uploads } = await loadForChange(store, caller, ticketId, uploadIds);
  const claimed = claimUploads(caller, uploadIds, uploads, idempotencyKey !== undefined);
  const change = addMessage(ticket, 'replied', author, body, clock.now(), filesOf(claimed));
  change.writes.push(...(await attachUploads(claimed, change.message)));
  // Without files the request is what it always was, so earlier keys still replay.
  const request = uploadIds.length > 0 ? { ticketId, body, uploadIds } : { ticketId, body };
  return saveMessageOnce(
    store,
    claimOf(memberScope(caller), 'replyToTicket', idempotencyKey, request),
    change
  );
};

export const closeTicketAsMember = async (
  store: TableStore,
  caller: MemberCaller,
  ticketId: string
) => {
  const { ticket, author } = await loadForChange(store, caller, ticketId);
  return (await save(store, closeTicket(ticket, author, clock.now()))).ticket;
};
