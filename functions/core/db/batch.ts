/**
 * BatchGet that returns every requested item: DynamoDB may hand back
 * UnprocessedKeys under load, so those are retried (rarely more than once).
 */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../platform/clients/dynamodb.ts';

const MAX_ROUNDS = 5;

export const batchGetAll = async (
  keys: Record<string, string>[]
): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let pending: Record<string, unknown>[] = keys;
  for (let round = 0; pending.length > 0 && round < MAX_ROUNDS; round++) {
    const result = await dynamo.send(
      new BatchGetCommand({
        RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } },
      })
    );
    items.push(...(result.Responses?.[tableName] ?? []));
    pending = result.UnprocessedKeys?.[tableName]?.Keys ?? [];
  }
  if (pending.length > 0) throw new Error('BatchGet left keys unprocessed after retries');
  return items;
};
