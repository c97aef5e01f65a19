/**
 * One page of a list route: the cursor opened against its listing, one
 * Query from that start key, each item mapped to its API view, and the next
 * page's cursor sealed for the same listing and caller (null on the last
 * page).
 */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../platform/clients/dynamodb.ts';
import type { Page } from '../table/db.ts';
import { type CursorScope, openCursor, sealCursor } from './cursor.ts';

export const queryPage = async <T>(
  scope: CursorScope,
  cursor: string | undefined,
  query: (startKey: Record<string, unknown> | undefined) => QueryCommandInput,
  toView: (item: Record<string, unknown>) => T
): Promise<Page<T>> => {
  const { Items = [], LastEvaluatedKey } = await dynamo.send(
    new QueryCommand(query(openCursor(cursor, scope)))
  );
  return { items: Items.map(toView), cursor: sealCursor(LastEvaluatedKey, scope) };
};
