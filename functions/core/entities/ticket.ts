/**
 * Ticket: a conversation of an account with the helpdesk. The ticket item
 * (`TICKET#<t>`) and its messages (`TICKET#<t>#MSG#…`, ticket-message.ts)
 * share one sort-key prefix in the account partition, so the detail is one
 * Query. Two listings: `ticketsOfAccount` (gsi1, newest activity first) and
 * `ticketsInQueue` (gsi2, the helpdesk queue across accounts, one partition
 * per turn). Both sort keys start with `updatedAt`, so every change rebuilds
 * both pairs.
 */
import type { PutInput, QueryInput } from '../table/inputs.ts';
import { type IndexName, PREFIX, TABLE } from '../table/table.ts';
import {
  attributesOf,
  type EntityOf,
  integer,
  oneOf,
  optional,
  readItem,
  shaped,
  text,
} from './attributes.ts';
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

/** What a ticket item holds, declared once: the type and the item mapping derive from it. */
export const TICKET_ATTRIBUTES = {
  id: text(),
  accountId: text(),
  subject: text(),
  department: oneOf(DEPARTMENTS),
  serviceId: optional(text()),
  status: oneOf(TICKET_STATUSES),
  openedBy: shaped<TicketOpener>(),
  messageCount: integer(),
  /** Message-ID of the first message: the root every later mail of the thread references. */
  rootEmailMessageId: text(),
  /** Message-ID of the newest message: what the next one replies to. */
  lastEmailMessageId: text(),
  version: integer(),
  createdAt: text(),
  updatedAt: text(),
};

export type Ticket = EntityOf<typeof TICKET_ATTRIBUTES>;

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
  ...attributesOf(TICKET_ATTRIBUTES, ticket),
});

export const fromTicketItem = (item: Record<string, unknown>): Ticket =>
  readItem('ticket', TICKET_ATTRIBUTES, item);

export const isTicketItem = (item: Record<string, unknown>) => item.entity === 'ticket';

/** create: a new ticket never overwrites one. */
export const createTicketPut = (ticket: Ticket): PutInput => createPut(toTicketItem(ticket));

/** replace: the new image (status, counts, both listing keys), only from the version read. */
export const replaceTicketPut = (ticket: Ticket, expectedVersion: number): PutInput =>
  replacePut(toTicketItem(ticket), expectedVersion);

/**
 * Access pattern `ticketConversation`: the ticket item and its messages,
 * oldest message first (the ticket item sorts before them). Ids have a
 * fixed length, so the prefix matches no other ticket.
 */
export const ticketConversationQuery = (
  ids: TicketIds,
  startKey?: Record<string, unknown>
): QueryInput => ({
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
  index: IndexName,
  partition: string,
  page: PageRequest & { newestFirst: boolean }
): QueryInput => ({
  IndexName: TABLE.indexes[index].name,
  KeyConditionExpression: '#pk = :pk',
  ExpressionAttributeNames: { '#pk': TABLE.indexes[index].partitionKey },
  ExpressionAttributeValues: { ':pk': partition },
  ScanIndexForward: !page.newestFirst,
  Limit: page.limit,
  ExclusiveStartKey: page.startKey,
});

/** Access pattern `ticketsOfAccount` (gsi1): newest activity first. */
export const ticketsOfAccountQuery = (accountId: string, page: PageRequest) =>
  listingQuery('gsi1', accountListing(accountId), { ...page, newestFirst: true });

export const ticketsOfAccountPartition = (accountId: string) => ({
  partitionAttribute: TABLE.indexes.gsi1.partitionKey,
  partitionValue: accountListing(accountId),
});

/** Access pattern `ticketsInQueue` (gsi2): the helpdesk's queue of one turn, by last activity. */
export const ticketsInQueueQuery = (
  turn: TicketTurn,
  page: PageRequest & { newestFirst: boolean }
) => listingQuery('gsi2', turnQueue(turn), page);

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
