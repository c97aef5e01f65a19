/**
 * Writes the index keys the code writes today onto items stored before it
 * did: contacts get their `contactsByName` (gsi2) keys, tickets their
 * helpdesk-queue keys (gsi2 per turn, where they were per status),
 * accounts and services their notice-audience keys (gsi3, gsi2). One Scan
 * page at a time; an item whose keys are already right is left alone, so a
 * run can be repeated or resumed from the key it printed last.
 */
import { type DynamoDBDocumentClient, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { accountIndexKeys } from '#core/entities/account';
import { contactIndexKeys } from '#core/entities/contact';
import { serviceIndexKeys } from '#core/entities/service';
import { ticketListingKeys } from '#core/entities/ticket';
import { TABLE } from '#core/table/table';

export interface BackfillTable {
  dynamo: DynamoDBDocumentClient;
  tableName: string;
}

export interface BackfillOptions {
  /** Items read per Scan page. */
  pageSize?: number;
  /** Where to resume: the last key an earlier run reported. */
  startKey?: Record<string, unknown>;
  dryRun?: boolean;
  /** Told after each page, with the key the next page starts at (none at the end). */
  onPage?: (progress: BackfillProgress) => void;
}

export interface BackfillProgress {
  scanned: number;
  updated: number;
  /** Changed by someone else between the Scan and the update: they wrote the new keys then. */
  skipped: number;
  nextKey?: Record<string, unknown>;
}

const KEYS_OF: Record<string, (item: Record<string, unknown>) => Record<string, string>> = {
  account: accountIndexKeys,
  contact: contactIndexKeys,
  service: serviceIndexKeys,
  ticket: ticketListingKeys,
};

/** The index keys an item lacks or holds stale, or none when they are current. */
export const staleIndexKeys = (item: Record<string, unknown>) => {
  const keysOf = typeof item.entity === 'string' ? KEYS_OF[item.entity] : undefined;
  if (!keysOf) return undefined;
  const wanted = keysOf(item);
  const stale = Object.entries(wanted).filter(([name, value]) => item[name] !== value);
  return stale.length ? Object.fromEntries(stale) : undefined;
};

/**
 * Sets the keys only on the version that was scanned: a change made since
 * was written by the current code, keys included.
 */
const setKeys = async (
  table: BackfillTable,
  item: Record<string, unknown>,
  keys: Record<string, string>
) => {
  const names = Object.keys(keys);
  try {
    await table.dynamo.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: {
          [TABLE.partitionKey]: item[TABLE.partitionKey],
          [TABLE.sortKey]: item[TABLE.sortKey],
        },
        UpdateExpression: `SET ${names.map((_, index) => `#k${index} = :k${index}`).join(', ')}`,
        ConditionExpression: '#version = :version',
        ExpressionAttributeNames: {
          '#version': 'version',
          ...Object.fromEntries(names.map((name, index) => [`#k${index}`, name])),
        },
        ExpressionAttributeValues: {
          ':version': item.version,
          ...Object.fromEntries(names.map((name, index) => [`:k${index}`, keys[name]])),
        },
      })
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
};

export const backfillIndexes = async (
  table: BackfillTable,
  options: BackfillOptions = {}
): Promise<BackfillProgress> => {
  const progress: BackfillProgress = { scanned: 0, updated: 0, skipped: 0 };
  let startKey = options.startKey;
  do {
    const page = await table.dynamo.send(
      new ScanCommand({
        TableName: table.tableName,
        Limit: options.pageSize ?? 500,
        ExclusiveStartKey: startKey,
        ConsistentRead: true,
      })
    );
    for (const item of page.Items ?? []) {
      progress.scanned += 1;
      const keys = staleIndexKeys(item);
      if (!keys) continue;
      if (options.dryRun || (await setKeys(table, item, keys))) progress.updated += 1;
      else progress.skipped += 1;
    }
    startKey = page.LastEvaluatedKey;
    options.onPage?.({ ...progress, nextKey: startKey });
  } while (startKey);
  return progress;
};
