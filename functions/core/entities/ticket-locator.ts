/**
 * Ticket locator: `TICKET#<t>` / `TICKET` → the account holding ticket t.
 * Staff routes carry only the ticket id; one GetItem on the locator finds
 * the ticket's account partition. Written with the ticket, never changed.
 */
import type { GetCommandInput, PutCommandInput } from '@aws-sdk/lib-dynamodb';
import { PREFIX, TABLE } from '../table.ts';
import { createPut } from './item-writes.ts';

export interface TicketLocator {
  ticketId: string;
  accountId: string;
  createdAt: string;
}

export const ticketLocatorKeys = (ticketId: string) => ({
  [TABLE.partitionKey]: `${PREFIX.ticket}${ticketId}`,
  [TABLE.sortKey]: PREFIX.ticket.slice(0, -1),
});

/** create: one locator per ticket id. */
export const createTicketLocatorPut = (
  tableName: string,
  locator: TicketLocator
): PutCommandInput =>
  createPut(tableName, {
    ...ticketLocatorKeys(locator.ticketId),
    entity: 'ticketLocator',
    ...locator,
  });

/** Access pattern `ticketLocator`. */
export const getTicketLocatorCommand = (tableName: string, ticketId: string): GetCommandInput => ({
  TableName: tableName,
  Key: ticketLocatorKeys(ticketId),
  ConsistentRead: true,
});

export const fromTicketLocatorItem = (item: Record<string, unknown>): TicketLocator => ({
  ticketId: item.ticketId as string,
  accountId: item.accountId as string,
  createdAt: item.createdAt as string,
});
