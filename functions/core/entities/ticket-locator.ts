/**
 * Ticket locator: `TICKET#<t>` / `TICKET` → the account holding ticket t.
 * Staff routes carry only the ticket id; one GetItem on the locator finds
 * the ticket's account partition. Written with the ticket, never changed.
 */
import type { GetInput, PutInput } from '../table/inputs.ts';
import { PREFIX, TABLE } from '../table/table.ts';
import { attributesOf, type EntityOf, readItem, text } from './attributes.ts';
import { createPut } from './item-writes.ts';

/** What a ticketLocator item holds, declared once: the type and the item mapping derive from it. */
export const TICKET_LOCATOR_ATTRIBUTES = {
  ticketId: text(),
  accountId: text(),
  createdAt: text(),
};

export type TicketLocator = EntityOf<typeof TICKET_LOCATOR_ATTRIBUTES>;

export const ticketLocatorKeys = (ticketId: string) => ({
  [TABLE.partitionKey]: `${PREFIX.ticket}${ticketId}`,
  [TABLE.sortKey]: PREFIX.ticket.slice(0, -1),
});

/** create: one locator per ticket id. */
export const createTicketLocatorPut = (locator: TicketLocator): PutInput =>
  createPut({
    ...ticketLocatorKeys(locator.ticketId),
    entity: 'ticketLocator',
    ...attributesOf(TICKET_LOCATOR_ATTRIBUTES, locator),
  });

/** Access pattern `ticketLocator`. */
export const getTicketLocatorCommand = (ticketId: string): GetInput => ({
  Key: ticketLocatorKeys(ticketId),
  ConsistentRead: true,
});

export const fromTicketLocatorItem = (item: Record<string, unknown>): TicketLocator =>
  readItem('ticketLocator', TICKET_LOCATOR_ATTRIBUTES, item);
