/**
 * The helpdesk's side of tickets: the queue by status across accounts, a
 * ticket with its conversation, and answering it. Staff routes name only
 * the ticket; its locator gives the account in one GetItem.
 */
import { tableName } from '#core/clients/dynamodb';
import { now } from '#core/clock';
import {
  type Ticket,
  ticketsByStatusPartition,
  ticketsByStatusQuery,
  toTicketView,
} from '#core/entities/ticket';
import { HELPDESK_NAME, type TicketAuthor } from '#core/entities/ticket-message';
import type { StaffCaller, StaffCheck } from '#core/http/types';
import { claimOf, staffScope } from '#core/idempotency';
import { isSortableId } from '#core/ids';
import { addMessage, saveMessageOnce } from './conversation.ts';
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

/** Staff see which account a ticket belongs to; clients never see that. */
export const toStaffTicketView = (ticket: Ticket) => ({
  ...toTicketView(ticket),
  accountId: ticket.accountId,
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

export const listQueue = (caller: StaffCaller, { status, cursor, limit }: StaffTicketListQuery) =>
  ticketPage(
    { list: 'staff-tickets', owner: caller, ...ticketsByStatusPartition(status) },
    (page) => ticketsByStatusQuery(tableName, status, page),
    'gsi2',
    { limit, cursor }
  );

export const getTicketForStaff = async (staffCheck: StaffCheck, ticketId: string) => {
  const conversation = await loadConversation(await located(staffCheck, ticketId));
  if (!conversation) throw ticketNotFound();
  return conversation;
};

/** A staff answer: `answered`, also on a closed ticket (the answer reopens it). */
export const answerTicket = async (
  caller: StaffCaller,
  staffCheck: StaffCheck,
  ticketId: string,
  body: string,
  idempotencyKey?: string
) => {
  const ticket = await loadTicket(await located(staffCheck, ticketId));
  if (!ticket) throw ticketNotFound();
  return saveMessageOnce(
    claimOf(staffScope(caller), 'answerTicket', idempotencyKey, { ticketId, body }),
    addMessage(ticket, 'answered', staffAuthor(caller), body, now())
  );
};
