/**
 * One page of a list route: the cursor opened against its listing, one
 * Query from that start key, each item mapped to its API view, and the next
 * page's cursor sealed for the same listing and caller (null on the last
 * page).
 */
import type { CursorListing, Page } from '../table/db.ts';
import type { TableStore } from '../table/store.ts';
import { type CursorOwner, type CursorScope, openCursor, sealCursor } from './cursor.ts';

type QueryInput = Parameters<TableStore['query']>[0];

export const queryPage = async <T>(
  scope: CursorScope,
  cursor: string | undefined,
  query: (startKey: Record<string, unknown> | undefined) => QueryInput,
  toView: (item: Record<string, unknown>) => T,
  store: TableStore
): Promise<Page<T>> => {
  const { items, lastKey } = await store.query(query(openCursor(cursor, scope)));
  return { items: items.map(toView), cursor: sealCursor(lastKey, scope) };
};

/** A list of one account's items: its name, where it reads, one page's query, the view of an item. */
export interface AccountList<T> {
  list: string;
  listing: (accountId: string) => CursorListing;
  page: (
    accountId: string,
    page: { limit: number; startKey?: Record<string, unknown> }
  ) => QueryInput;
  toView: (item: Record<string, unknown>) => T;
}

/** One page of a list of the caller's account (the membership the authorizer read names it). */
export const accountListPage = <T>(
  store: TableStore,
  caller: CursorOwner & { membership: { accountId: string } },
  { cursor, limit }: { cursor?: string | undefined; limit: number },
  { list, listing, page, toView }: AccountList<T>
): Promise<Page<T>> => {
  const { accountId } = caller.membership;
  return queryPage(
    { list, owner: caller, ...listing(accountId) },
    cursor,
    (startKey) => page(accountId, { limit, startKey }),
    toView,
    store
  );
};
