/**
 * Audit entry: who changed what on an account, with before/after values.
 * Written in the same transaction as the change it records.
 */
import type { PutCommandInput } from '@aws-sdk/lib-dynamodb';
import { PREFIX, TABLE } from '../table.ts';

export interface FieldChange {
  before: unknown;
  after: unknown;
}

export interface AuditEntry {
  id: string;
  accountId: string;
  at: string;
  actor: { loginId: string; name: string };
  action: string;
  target: string;
  changes: Record<string, FieldChange>;
}

export const auditKeys = ({ accountId, at, id }: Pick<AuditEntry, 'accountId' | 'at' | 'id'>) => ({
  [TABLE.partitionKey]: `${PREFIX.account}${accountId}`,
  [TABLE.sortKey]: `${PREFIX.audit}${at}#${id}`,
});

export const createAuditPut = (tableName: string, entry: AuditEntry): PutCommandInput => ({
  TableName: tableName,
  Item: { ...auditKeys(entry), entity: 'audit', ...entry },
  ConditionExpression: 'attribute_not_exists(#pk)',
  ExpressionAttributeNames: { '#pk': TABLE.partitionKey },
});

export const fromAuditItem = (item: Record<string, unknown>): AuditEntry => ({
  id: item.id as string,
  accountId: item.accountId as string,
  at: item.at as string,
  actor: item.actor as AuditEntry['actor'],
  action: item.action as string,
  target: item.target as string,
  changes: item.changes as AuditEntry['changes'],
});

/** Field-level differences between two plain objects (deep-compared as JSON). */
export const diffFields = <T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[]
): Record<string, FieldChange> => {
  const changes: Record<string, FieldChange> = {};
  for (const field of fields) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) {
      changes[field] = { before: before[field] ?? null, after: after[field] ?? null };
    }
  }
  return changes;
};
