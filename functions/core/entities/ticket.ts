/**
 * Ticket: a conversation of an account with the helpdesk. The ticket item
 * (`TICKET#<t>`) and its messages (`TICKET#<t>#MSG#…`, ticket-message.ts)
 * share one sort-key prefix in the account partition, so the detail is one
 * Query. Two listings: `ticketsOfAccount` (gsi1, newest activity first) and
 * `ticketsInQueue` (gsi2, the helpdesk queue across accounts, one partition
 * per turn). Both sort keys start with `updatedAt`, so every change rebuilds
 * both pairs.
 */
import type { PutCommandInput, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { type IndexName, PREFIX, TABLE } from '../table/table.ts';
import { createPut, replacePut } from './item-writes.ts';

export const TICKET_STATUSES = ['open', 'answered', 'customer-reply', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** The statuses the helpdesk sets without a message: reopen, mark answered, close. */
export const STAFF_SET_STATUSES = ['open', 'answered', 'closed'] as const;
export type StaffSetStatus = (typeof STAFF_SET_STATUSES)[number];

/**
 * Whose move a ticket waits for: the helpdesk's (`waiting`: new or the
 * customer replied), the customer's (`answered`), nobody's (`closed`). The
 * helpdesk queue keeps one gsi2 partition per turn, so the statuses a queue
 * usually shows together (`open` and `customer-reply`) are one Query.
 */
export const TICKET_TURNS = ['waiting', 'answered', 'closed'] as const;
export type TicketTurn = (typeof TICKET_TURNS)[number];

const TURN_OF: Record<TicketStatus, TicketTurn> = {
  open: 'waiting',
  'customer-reply': 'waiting',
  answered: 'answered',
  closed: 'closed',
};

export const turnOf = (status: TicketStatus): TicketTurn => TURN_OF[status];

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
const turnQueue = (turn: TicketTurn) => `${PREFIX.ticketQueue}${turn}`;

export const ticketKeys = ({ accountId, ticketId }: TicketIds) => ({
  [TABLE.partitionKey]: accountPk(accountId),
  [TABLE.sortKey]: `${PREFIX.ticket}${ticketId}`,
});

const listingKeys = (ticket: Ticket) => ({
  [TABLE.indexes.gsi1.partitionKey]: accountListing(ticket.accountId),
  [TABLE.indexes.gsi1.sortKey]: `${ticket.updatedAt}#${ticket.id}`,
  [TABLE.indexes.gsi2.partitionKey]: turnQueue(turnOf(ticket.status)),
  [TABLE.indexes.gsi2.sortKey]: `${ticket.updatedAt}#${ticket.accountId}#${ticket.id}`,
});

/** Both listings' keys of a stored ticket, as they are written now (scripts/backfill-indexes.ts). */
export const ticketListingKeys = (item: Record<string, unknown>) =>
  listingKeys(fromTicketItem(item));

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

const listingQuery = (
  tableName: string,
  index: IndexName,
  partition: string,
  page: PageRequest & { newestFirst: boolean }
): QueryCommandInput => ({
  TableName: tableName,
  IndexName: TABLE.indexes[index].name,
  KeyConditionExpression: '#pk = :pk',
  ExpressionAttributeNames: { '#pk': TABLE.indexes[index].partitionKey },
  ExpressionAttributeValues: { ':pk': partition },
  ScanIndexForward: !page.newestFirst,
  Limit: page.limit,
  ExclusiveStartKey: page.startKey,
});

/** Access pattern `ticketsOfAccount` (gsi1): newest activity first. */
export const ticketsOfAccountQuery = (tableName: string, accountId: string, page: PageRequest) =>
  listingQuery(tableName, 'gsi1', accountListing(accountId), { ...page, newestFirst: true });

export const ticketsOfAccountPartition = (accountId: string) => ({
  partitionAttribute: TABLE.indexes.gsi1.partitionKey,
  partitionValue: accountListing(accountId),
});

/** Access pattern `ticketsInQueue` (gsi2): the helpdesk's queue of one turn, by last activity. */
export const ticketsInQueueQuery = (
  tableName: string,
  turn: TicketTurn,
  page: PageRequest & { newestFirst: boolean }
) => listingQuery(tableName, 'gsi2', turnQueue(turn), page);

export const ticketsInQueuePartition = (turn: TicketTurn) => ({
  partitionAttribute: TABLE.indexes.gsi2.partitionKey,
  partitionValue: turnQueue(turn),
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
