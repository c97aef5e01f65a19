/**
 * The reads of the tickets function. Each request makes one of them after
 * the membership check (or, for staff, after the ticket locator, which is
 * read together with the live staff check).
 */
import type { StaffCheck } from '#core/access/caller';
import { type CursorScope, openCursor, sealCursor } from '#core/db/cursor';
import { type Contact, contactKeys, fromContactItem, isContactItem } from '#core/entities/contact';
import {
  fromTicketItem,
  isTicketItem,
  listingKeyOf,
  type Ticket,
  ticketConversationQuery,
  ticketKeys,
} from '#core/entities/ticket';
import { fromTicketLocatorItem, ticketLocatorKeys } from '#core/entities/ticket-locator';
import {
  fromTicketMessageItem,
  isTicketMessageItem,
  type TicketMessage,
} from '#core/entities/ticket-message';
import {
  fromTicketUploadItem,
  isTicketUploadItem,
  type TicketUpload,
  ticketUploadKeys,
} from '#core/entities/ticket-upload';
import type { Page } from '#core/table/db';
import { queryAll, type TableStore } from '#core/table/store';
import type { IndexName } from '#core/table/table';

type TicketIds = { accountId: string; ticketId: string };
type QueryInput = Parameters<TableStore['query']>[0];

export interface Conversation {
  ticket: Ticket;
  messages: TicketMessage[];
}

/**
 * The ticket and its messages: one Query, a second page only past 1 MB of
 * conversation (message size and count limits keep it well within a few).
 */
export const loadConversation = async (
  store: TableStore,
  ids: TicketIds
): Promise<Conversation | undefined> => {
  const items = await queryAll(store, ticketConversationQuery(ids));
  const ticketItem = items.find(isTicketItem);
  if (!ticketItem) return undefined;
  return {
    ticket: fromTicketItem(ticketItem),
    messages: items.filter(isTicketMessageItem).map(fromTicketMessageItem),
  };
};

const uploadsIn = (items: Record<string, unknown>[]): TicketUpload[] =>
  items.filter(isTicketUploadItem).map(fromTicketUploadItem);

/**
 * The ticket, the caller's own contact (the author of what they write) and
 * the uploads the message names, in one BatchGet.
 */
export const loadTicketAndContact = async (
  store: TableStore,
  ids: TicketIds,
  contactId: string,
  uploadIds: readonly string[] = []
): Promise<{ ticket?: Ticket; contact?: Contact; uploads: TicketUpload[] }> => {
  const items = await store.getMany([
    ticketKeys(ids),
    contactKeys({ ...ids, contactId }),
    ...uploadIds.map(ticketUploadKeys),
  ]);
  const ticketItem = items.find(isTicketItem);
  const contactItem = items.find(isContactItem);
  return {
    ticket: ticketItem ? fromTicketItem(ticketItem) : undefined,
    contact: contactItem ? fromContactItem(contactItem) : undefined,
    uploads: uploadsIn(items),
  };
};

/** The caller's own contact and the uploads its new ticket names: a GetItem, or one BatchGet. */
export const loadContactAndUploads = async (
  store: TableStore,
  ids: { accountId: string; contactId: string },
  uploadIds: readonly string[]
): Promise<{ contact?: Contact; uploads: TicketUpload[] }> => {
  if (uploadIds.length === 0) {
    const item = await store.get({ Key: contactKeys(ids), ConsistentRead: true });
    return { contact: item ? fromContactItem(item) : undefined, uploads: [] };
  }
  const items = await store.getMany([contactKeys(ids), ...uploadIds.map(ticketUploadKeys)]);
  const contactItem = items.find(isContactItem);
  return {
    contact: contactItem ? fromContactItem(contactItem) : undefined,
    uploads: uploadsIn(items),
  };
};

export const loadTicket = async (
  store: TableStore,
  ids: TicketIds
): Promise<Ticket | undefined> => {
  const item = await store.get({
    Key: ticketKeys(ids),
    ConsistentRead: true,
  });
  return item ? fromTicketItem(item) : undefined;
};

/**
 * The account of a ticket, for routes that name only the ticket (staff):
 * read in one BatchGet with the live staff check.
 */
export const locateTicket = async (
  staffCheck: StaffCheck,
  ticketId: string
): Promise<TicketIds | undefined> => {
  const [item] = await staffCheck.read([ticketLocatorKeys(ticketId)]);
  return item ? { accountId: fromTicketLocatorItem(item).accountId, ticketId } : undefined;
};

/**
 * When a listing is filtered in code, one Query reads this many index items
 * so that a page rarely comes back short; the page is cut at `limit`.
 */
const FILTERED_READ = 100;

/**
 * One page of a ticket listing from one Query, newest activity first. With
 * `keep`, only the tickets it accepts are returned: the read window is
 * wider, and when the page is cut short of what was read, the cursor points
 * just after the last ticket returned. A page may still hold fewer than
 * `limit` tickets (even none) with a cursor: follow it while it is not null.
 */
export const ticketPage = async (
  store: TableStore,
  scope: CursorScope,
  query: (page: { limit: number; startKey?: Record<string, unknown> }) => QueryInput,
  index: IndexName,
  page: { limit: number; cursor?: string; keep?: (ticket: Ticket) => boolean }
): Promise<Page<Ticket>> => {
  const { keep, limit } = page;
  const readLimit = keep ? Math.max(limit, FILTERED_READ) : limit;
  const startKey = openCursor(page.cursor, scope);
  const read = await store.query(query({ limit: readLimit, startKey }));
  const items: Ticket[] = [];
  for (const [position, item] of read.items.entries()) {
    const ticket = fromTicketItem(item);
    if (keep && !keep(ticket)) continue;
    items.push(ticket);
    if (items.length === limit && position < read.items.length - 1) {
      return { items, cursor: sealCursor(listingKeyOf(item, index), scope) };
    }
  }
  return { items, cursor: sealCursor(read.lastKey, scope) };
};
