/**
 * Audit entry: who changed what on an account, with before/after values.
 * Written in the same transaction as the change it records.
 */
import type { PutInput, QueryInput } from '../table/inputs.ts';
import { PREFIX, TABLE } from '../table/table.ts';
import { attributesOf, type EntityOf, readItem, shaped, text } from './attributes.ts';
import { createPut } from './item-writes.ts';

export interface FieldChange {
  before: unknown;
  after: unknown;
}

/**
 * Who made a change. A staff actor is stored with its staff id and username
 * for the operators, and shown to customers only as the helpdesk. A
 * `contact` actor is the changed contact itself, without a login: it
 * followed the unsubscribe link of a mail (`loginId` names the link).
 */
export interface AuditActor {
  loginId: string;
  name: string;
  kind?: 'login' | 'staff' | 'contact';
}

/** What an audit item holds, declared once: the type and the item mapping derive from it. */
export const AUDIT_ATTRIBUTES = {
  id: text(),
  accountId: text(),
  at: text(),
  actor: shaped<AuditActor>(),
  action: text(),
  target: text(),
  changes: shaped<Record<string, FieldChange>>(),
};

export type AuditEntry = EntityOf<typeof AUDIT_ATTRIBUTES>;

/**
 * Audit entries have a partition per account of their own: the trail grows
 * without bound and must never sit inside the account partition's
 * account-and-contacts key range (see contact.ts `accountProfileQuery`).
 */
export const auditKeys = ({ accountId, at, id }: Pick<AuditEntry, 'accountId' | 'at' | 'id'>) => ({
  [TABLE.partitionKey]: `${PREFIX.audit}${accountId}`,
  [TABLE.sortKey]: `${at}#${id}`,
});

/** Access pattern `auditOfAccount`: newest first, one page. */
export const auditPageQuery = (
  accountId: string,
  page: { limit: number; startKey?: Record<string, unknown> }
): QueryInput => ({
  KeyConditionExpression: '#pk = :pk',
  ExpressionAttributeNames: { '#pk': TABLE.partitionKey },
  ExpressionAttributeValues: { ':pk': `${PREFIX.audit}${accountId}` },
  ScanIndexForward: false,
  Limit: page.limit,
  ExclusiveStartKey: page.startKey,
});

export const auditPartition = (accountId: string) => ({
  partitionAttribute: TABLE.partitionKey,
  partitionValue: `${PREFIX.audit}${accountId}`,
});

export const createAuditPut = (entry: AuditEntry): PutInput =>
  createPut({
    ...auditKeys(entry),
    entity: 'audit',
    ...attributesOf(AUDIT_ATTRIBUTES, entry),
  });

export const fromAuditItem = (item: Record<string, unknown>): AuditEntry =>
  readItem('audit', AUDIT_ATTRIBUTES, item);

/** JSON with object keys sorted: DynamoDB hands maps back in any order. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner
  );

/** Field-level differences between two plain objects (deep-compared, key order aside). */
export const diffFields = <T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[]
): Record<string, FieldChange> => {
  const changes: Record<string, FieldChange> = {};
  for (const field of fields) {
    if (canonical(before[field]) !== canonical(after[field])) {
      changes[field] = { before: before[field] ?? null, after: after[field] ?? null };
    }
  }
  return changes;
};
