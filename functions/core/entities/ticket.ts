/**
 * Ticket: a conversation of an account with the helpdesk. The ticket item
 * (`TICKET#<t>`) and its messages (`TICKET#<t>#MSG#…`, ticket-message.ts)
 * share one sort-key prefix in the account partition, so the detail is one
 * Query. Two listings: `ticketsOfAccount` (gsi1, newest activity first) and
 * `ticketsByStatus` (gsi2, the helpdesk queue across accounts). Both sort
 * keys start with `updatedAt`, so every change rebuilds both pairs.
 */
import type { PutCommandInput, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { type IndexName, PREFIX, TABLE } from '../table.ts';
import { createPut, replacePut } from './item-writes.ts';

export const TICKET_STATUSES = ['open', 'answered', 'customer-reply', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const DEPARTMENTS = ['technical', 'billing', 'sales'] as const;
export type Department = (typeof DEPARTMENTS)[number];
export const DEFAULT_DEPARTMENT: Department = 'technical';

/** Who opened it, as they were then (a snapshot: the contact may change or go later). */
export interface TicketOpener {
  contactId?: string;
  name: string;
  email: string;
}

export interface Ticket {
  id: string;
  accountId: string;
  subject: string;
  department: Department;
  serviceId?: string;
  status: TicketStatus;
  openedBy: TicketOpener;
  messageCount: number;
  /** Message-ID of the first message: the root every later mail of the thread references. */
  rootEmailMessageId: string;
  /** Message-ID of the newest message: what the next one replies to. */
  lastEmailMessageId: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

type TicketIds = { accountId: string; ticketId: string };

const accountPk = (accountId: string) => `${PREFIX.account}${accountId}`;
const accountListing = (accountId: string) => `${PREFIX.account}${accountId}#TICKETS`;
const statusQueue = (status: TicketStatus) => `TICKETS#${status}`;

export const ticketKeys = ({ accountId, ticketId }: TicketIds) => ({
  [TABLE.partitionKey]: accountPk(accountId),
  [TABLE.sortKey]: `${PREFIX.ticket}${ticketId}`,
});

const listingKeys = (ticket: Ticket) => ({
  [TABLE.indexes.gsi1.partitionKey]: accountListing(ticket.accountId),
  [TABLE.indexes.gsi1.sortKey]: `${ticket.updatedAt}#${ticket.id}`,
  [TABLE.indexes.gsi2.partitionKey]: statusQueue(ticket.status),
  [TABLE.indexes.gsi2.sortKey]: `${ticket.updatedAt}#${ticket.accountId}#${ticket.id}`,
});

export const toTicketItem = (ticket: Ticket) => ({
  ...ticketKeys({ accountId: ticket.accountId, ticketId: ticket.id }),
  ...listingKeys(ticket),
  entity: 'ticket',
  ...ticket,
});

export const fromTicketItem = (item: Record<string, unknown>): Ticket => ({
  id: item.id as string,
  accountId: item.accountId as string,
  subject: item.subject as string,
  department: item.department as Department,
  serviceId: item.serviceId as string | undefined,
  status: item.status as TicketStatus,
  openedBy: item.openedBy as TicketOpener,
  messageCount: item.messageCount as number,
  rootEmailMessageId: item.rootEmailMessageId as string,
  lastEmailMessageId: item.lastEmailMessageId as string,
  version: item.version as number,
  createdAt: item.createdAt as string,
  updatedAt: item.updatedAt as string,
});

export const isTicketItem = (item: Record<string, unknown>) => item.entity === 'ticket';

/** The API view (DESIGN.md "Ticket", without messages). */
export const toTicketView = (ticket: Ticket) => ({
  id: ticket.id,
  subject: ticket.subject,
  department: ticket.department,
  ...(ticket.serviceId === undefined ? {} : { serviceId: ticket.serviceId }),
  status: ticket.status,
  openedBy: ticket.openedBy,
  messageCount: ticket.messageCount,
  createdAt: ticket.createdAt,
  updatedAt: ticket.updatedAt,
});

/** create: a new ticket never overwrites one. */
export const createTicketPut = (tableName: string, ticket: Ticket): PutCommandInput =>
  createPut(tableName, toTicketItem(ticket));

/** replace: the new image (status, counts, both listing keys), only from the version read. */
export const replaceTicketPut = (
  tableName: string,
  ticket: Ticket,
  expectedVersion: number
): PutCommandInput => replacePut(tableName, toTicketItem(ticket), expectedVersion);

/**
 * Access pattern `ticketConversation`: the ticket item and its messages,
 * oldest message first (the ticket item sorts before them). Ids have a
 * fixed length, so the prefix matches no other ticket.
 */
export const ticketConversationQuery = (
  tableName: string,
  ids: TicketIds,
  startKey?: Record<string, unknown>
): QueryCommandInput => ({
  TableName: tableName,
  KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :ticket)',
  ExpressionAttributeNames: { '#pk': TABLE.partitionKey, '#sk': TABLE.sortKey },
  ExpressionAttributeValues: {
    ':pk': accountPk(ids.accountId),
    ':ticket': `${PREFIX.ticket}${ids.ticketId}`,
  },
  ExclusiveStartKey: startKey,
  ConsistentRead: true,
});

interface PageRequest {
  limit: number;
  startKey?: Record<string, unknown>;
}

const newestFirst = (
  tableName: string,
  index: IndexName,
  partition: string,
  page: PageRequest
): QueryCommandInput => ({
  TableName: tableName,
  IndexName: TABLE.indexes[index].name,
  KeyConditionExpression: '#pk = :pk',
  ExpressionAttributeNames: { '#pk': TABLE.indexes[index].partitionKey },
  ExpressionAttributeValues: { ':pk': partition },
  ScanIndexForward: false,
  Limit: page.limit,
  ExclusiveStartKey: page.startKey,
});

/** Access pattern `ticketsOfAccount` (gsi1): newest activity first. */
export const ticketsOfAccountQuery = (tableName: string, accountId: string, page: PageRequest) =>
  newestFirst(tableName, 'gsi1', accountListing(accountId), page);

export const ticketsOfAccountPartition = (accountId: string) => ({
  partitionAttribute: TABLE.indexes.gsi1.partitionKey,
  partitionValue: accountListing(accountId),
});

/** Access pattern `ticketsByStatus` (gsi2): the helpdesk's queue, newest activity first. */
export const ticketsByStatusQuery = (tableName: string, status: TicketStatus, page: PageRequest) =>
  newestFirst(tableName, 'gsi2', statusQueue(status), page);

export const ticketsByStatusPartition = (status: TicketStatus) => ({
  partitionAttribute: TABLE.indexes.gsi2.partitionKey,
  partitionValue: statusQueue(status),
});

/**
 * The key a listing page ends at, as DynamoDB would return it in
 * LastEvaluatedKey, for a page cut short after this item.
 */
export const listingKeyOf = (item: Record<string, unknown>, index: IndexName) => {
  const { partitionKey, sortKey } = TABLE.indexes[index];
  return {
    [TABLE.partitionKey]: item[TABLE.partitionKey],
    [TABLE.sortKey]: item[TABLE.sortKey],
    [partitionKey]: item[partitionKey],
    [sortKey]: item[sortKey],
  };
};
