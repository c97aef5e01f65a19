/**
 * What the ticket cases share: tickets opened through the service, the
 * helpdesk login with its live check made on the store (read once, as a
 * route's), the queue read whole, and what the table holds of a ticket,
 * read back through the entity builders.
 */
import { randomUUID } from 'node:crypto';
import type { MemberCaller, StaffCaller, StaffCheck } from '#core/access/caller';
import type { Contact } from '#core/entities/contact';
import { getMessageIdMarkerCommand } from '#core/entities/message-id';
import { fromTicketItem, type Ticket, ticketsOfAccountQuery } from '#core/entities/ticket';
import { fromTicketEventItem, ticketEventsQuery } from '#core/entities/ticket-event';
import { runClockFrom } from '#core/platform/clock';
import { queryAll, type TableStore } from '#core/table/store';
import type { StaffTicketListQuery, TicketCreate } from '../../../functions/tickets/schemas.ts';
import {
  listTickets,
  openTicket,
  TICKET_OPENING_LIMIT,
} from '../../../functions/tickets/service.ts';
import { listQueue } from '../../../functions/tickets/staff.ts';
import { loadConversation } from '../../../functions/tickets/store.ts';
import { inFreshWindow } from '../clock.ts';
import { storedOf } from '../store-accounts.ts';

export const HELPDESK: StaffCaller = {
  kind: 'staff',
  staffId: randomUUID(),
  username: 'agent@helpdesk.example',
};

/** The live staff check of one staff request: one consistent read, at most once. */
export const staffCheckOn = (store: TableStore): StaffCheck => {
  let used = false;
  return {
    read: (keys) => {
      if (used) throw new Error('The staff check is read once per request.');
      used = true;
      return store.getMany(keys);
    },
  };
};

/**
 * A clock the case moves itself, one second at a time from the start of a
 * fresh window of the opening limit: activity in a known order (events and the queue sort by time),
 * and rate windows the case has to itself.
 */
export const caseClock = () => {
  const start = inFreshWindow(TICKET_OPENING_LIMIT.windowSeconds);
  return {
    start,
    at: (second: number) => runClockFrom(new Date(start.getTime() + second * 1000)),
  };
};

export const asked = (changes: Partial<TicketCreate> = {}): TicketCreate => ({
  subject: 'Website down',
  body: 'Since 9:00 the site answers 502.',
  ...changes,
});

/** Opens a ticket as `caller`, as the route would. */
export const openAs = async (
  store: TableStore,
  caller: MemberCaller,
  changes: Partial<TicketCreate> = {}
): Promise<Ticket> => (await openTicket(store, caller, asked(changes))).ticket;

/** The caller of a contact's login with its membership as stored now (after a reset, say). */
export const rereadCaller = async (store: TableStore, contact: Contact): Promise<MemberCaller> => {
  const membership = await storedOf(store).membership(contact);
  if (!membership) throw new Error(`no membership for ${contact.id}`);
  return { kind: 'member', loginId: membership.loginId, authTime: 0, membership };
};

/** The ids of every ticket `caller` lists, every page followed. */
export const listedIds = async (store: TableStore, caller: MemberCaller, limit = 2) => {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listTickets(store, caller, { limit, cursor });
    ids.push(...page.items.map((ticket) => ticket.id));
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return ids.sort();
};

/** The whole helpdesk queue for `query`, every page followed (other accounts' tickets included). */
export const wholeQueue = async (
  store: TableStore,
  query: Pick<StaffTicketListQuery, 'status' | 'order'>
) => {
  const rows: Awaited<ReturnType<typeof listQueue>>['items'] = [];
  let cursor: string | undefined;
  do {
    const page = await listQueue(store, HELPDESK, staffCheckOn(store), {
      ...query,
      limit: 50,
      cursor,
    });
    rows.push(...page.items);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return rows;
};

/** What the table holds of tickets. */
export const ticketsIn = (store: TableStore) => ({
  /** The ticket and its messages, as stored. */
  conversation: (ticket: Pick<Ticket, 'accountId' | 'id'>) =>
    loadConversation(store, { accountId: ticket.accountId, ticketId: ticket.id }),
  ofAccount: async (accountId: string) =>
    (await queryAll(store, ticketsOfAccountQuery(accountId, { limit: 100 }))).map(fromTicketItem),
  eventTypes: async (ticketId: string) =>
    (await queryAll(store, ticketEventsQuery(ticketId)))
      .map(fromTicketEventItem)
      .map((event) => event.type),
  marker: (emailMessageId: string) => store.get(getMessageIdMarkerCommand(emailMessageId)),
});
