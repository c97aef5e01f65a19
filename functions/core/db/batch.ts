/**
 * Consistent reads of many keys of the table in one call: the store's
 * getMany (which asks again for any UnprocessedKeys).
 */
import { tableName } from '../platform/clients/dynamodb.ts';
import { tableStore } from '../table/function-store.ts';
import type { TableStore } from '../table/store.ts';

export const batchGetAll = (
  keys: Record<string, string>[],
  store: TableStore = tableStore
): Promise<Record<string, unknown>[]> => store.getMany(tableName, keys);
