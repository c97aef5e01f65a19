/**
 * One page of a list route: one Query from the cursor's start key, each item
 * mapped to its API view, and the next cursor (null on the last page). The
 * caller decodes the cursor, because each listing checks it against its own
 * keys (core/db.ts).
 */
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamo } from './clients/dynamodb.ts';
import { encodeCursor, type Page } from './db.ts';

export const queryPage = async <T>(
  query: QueryCommandInput,
  toView: (item: Record<string, unknown>) => T
): Promise<Page<T>> => {
  const { Items = [], LastEvaluatedKey } = await dynamo.send(new QueryCommand(query));
  return { items: Items.map(toView), cursor: encodeCursor(LastEvaluatedKey) };
};
