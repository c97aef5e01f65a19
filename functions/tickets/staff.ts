/**
 * The helpdesk's side of tickets: the queue of several statuses across
 * accounts, a ticket with its conversation, answering it and setting its
 * status. Staff routes name only the ticket; its locator gives the account
 * in one GetItem.
 */

import type { StaffCaller, StaffCheck } from '#core/access/caller';
import { checkVersion, type VersionClaim } from '#core/db/concurrency';
import { claimOf, staffScope } from '#core/db/idempotency';
import { auditWrite, writeTogether } from '#core/db/transact';
import { type Account, accountKeys, fromAccountItem, isAccountItem } from '#core/entities/account';
import {
  type StaffSetStatus,
  TICKET_STATUSES,
  type Ticket,
  type TicketStatus,
  ticketsInQueuePartition,
  ticketsInQueueQuery,
  turnOf,
} from '#core/entities/ticket';
import { HELPDESK_NAME, type TicketAuthor } from '#core/entities/ticket-message';
import { now } from '#core/platform/clock';
import { ValidationError } from '#core/platform/errors';
import { isSortableId } from '#core/platform/ids';
import { PROBLEM } from '#core/platform/problem-types';
import type { TableStore } from '#core/table/store';
import { toTicketView } from '#core/views/ticket';
import {
  addMessage,
  saveMessageOnce,
  setTicketStatus,
  staleTicket,
} from '#core/workflows/ticket-conversation';
import type { StaffTicketListQuery } from './schemas.ts';
import { loadConversation, loadTicket, locateTicket, ticketPage } from './store.ts';
import { ticketNotFound } from './visibility.ts';

/**
 * Clients see staff answers signed by the helpdesk, not by a staff login's
 * username (an internal address); the username stays on the message.
 */
const staffAuthor = (caller: StaffCaller): TicketAuthor => ({
  kind: 'staff',
  staffId: caller.staffId,
  username: caller.username,
  name: HELPDESK_NAME,
});

/** Staff see which account a ticket belongs to, and its version; clients never see those. */
export const toStaffTicketView = (ticket: Ticket) => ({
  ...toTicketView(ticket),
  accountId: ticket.accountId,
  version: ticket.version,
});

const located = async (staffCheck: StaffCheck, ticketId: string) => {
  if (!isSortableId(ticketId)) {
    // No ticket has this id, but a disabled staff login still hears 401 first.
    await staffCheck.read([]);
    throw ticketNotFound();
  }
  const ids = await locateTicket(staffCheck, ticketId);
  if (!ids) throw ticketNotFound();
  return ids;
};

/** The one turn the statuses asked for share: one gsi2 partition, so one Query. */
const turnOfAll = async (staffCheck: StaffCheck, statuses: TicketStatus[]) => {
  const turns = [...new Set(statuses.map(turnOf))];
  if (turns.length > 1 || turns[0] === undefined) {
    // Nothing to read, but a disabled staff login still hears 401 first.
    await staffCheck.read([]);
    throw new ValidationError(PROBLEM.validationFailed, [
      {
        field: 'status',
        code: 'not_combinable',
        message:
          'Ask for statuses of one turn at a time: open and customer-reply, or answered, or closed.',
      },
    ]);
  }
  return turns[0];
};

/**
 * The helpdesk queue: one Query of the statuses' turn (kept to the asked
 * statuses when the turn holds more), then the accounts of the page in one
 * BatchGet with the live staff check, so each row shows its account's name
 * as it is now.
 */
export const listQueue = async (
  store: TableStore,
  caller: StaffCaller,
  staffCheck: StaffCheck,
  { status, order, cursor, limit }: StaffTicketListQuery
) => {
  const turn = await turnOfAll(staffCheck, status);
  const asked = new Set<TicketStatus>(status);
  const wholeTurn = TICKET_STATUSES.every((other) => turnOf(other) !== turn || asked.has(other));
  const list = `staff-tickets#${order}#${[...asked].sort().join(',')}`;
  const page = await ticketPage(
    store,
    { list, owner: caller, ...ticketsInQueuePartition(turn) },
    (range) => ticketsInQueueQuery(turn, { ...range, newestFirst: order === 'newest' }),
    'gsi2',
    { limit, cursor, keep: wholeTurn ? undefined : (ticket) => asked.has(ticket.status) }
  );
  const accountIds = [...new Set(page.items.map((ticket) => ticket.accountId))];
  const accounts = new Map<string, Account>(
    (await staffCheck.read(accountIds.map(accountKeys)))
      .filter(isAccountItem)
      .map(fromAccountItem)
      .map((account) => [account.id, account])
  );
  return {
    items: page.items.map((ticket) => ({
      ...toStaffTicketView(ticket),
      accountName: accounts.get(ticket.accountId)?.name ?? null,
    })),
    cursor: page.cursor,
  };
};

export const getTicketForStaff = async (
  store: TableStore,
  staffCheck: StaffCheck,
  ticketId: string
) => {
  const conversation = await loadConversation(store, await located(staffCheck, ticketId));
  if (!conversation) throw ticketNotFound();
  return conversation;
};

/** A staff answer: `answered`, also on a closed ticket (the answer reopens it). */
export const answerTicket = async (
  store: TableStore,
  caller: StaffCaller,
  staffCheck: StaffCheck,
  ticketId: string,
  body: string,
  idempotencyKey?: string
) => {
  const ticket = await loadTicket(store, await located(staffCheck, ticketId));
  if (!ticket) throw ticketNotFound();
  return saveMessageOnce(
    store,
    claimOf(staffScope(caller), 'answerTicket', idempotencyKey, { ticketId, body }),
    addMessage(ticket, 'answered', staffAuthor(caller), body, now())
  );
};

/**
 * The helpdesk sets a ticket's status (close, reopen, mark answered) with
 * the event the status machine records for it, audited as the helpdesk.
 * Setting the status it has changes nothing. A stale `If-Match` is 412, a
 * stale body `version` 409; a change between read and write, 409.
 */
export const setStatusAsStaff = async (
  store: TableStore,
  caller: StaffCaller,
  staffCheck: StaffCheck,
  ticketId: string,
  status: StaffSetStatus,
  claim: VersionClaim
) => {
  const ticket = await loadTicket(store, await located(staffCheck, ticketId));
  if (!ticket) throw ticketNotFound();
  checkVersion(ticket.version, claim);
  const change = setTicketStatus(ticket, status, staffAuthor(caller), now());
  if (change.writes.length === 0) return change.ticket;
  await writeTogether(
    [
      ...change.writes,
      auditWrite({
        accountId: ticket.accountId,
        at: change.ticket.updatedAt,
        actor: { kind: 'staff', loginId: caller.staffId, name: caller.username },
        action: 'ticket.status-set',
        target: `ticket/${ticket.id}`,
        changes: { status: { before: ticket.status, after: change.ticket.status } },
      }),
    ],
    staleTicket,
    store
  );
  return change.ticket;
};
