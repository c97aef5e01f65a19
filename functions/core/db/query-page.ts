/**
 * One page of a list route: the cursor opened against its listing, one
 * Query from that start key, each item mapped to its API view, and the next
 * page's cursor sealed for the same listing and caller (null on the last
 * page).
 */
import type { Page } from '../table/db.ts';
import type { TableStore } from '../table/store.ts';
import { type CursorScope, openCursor, sealCursor } from './cursor.ts';

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
