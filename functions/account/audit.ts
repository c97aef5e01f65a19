/** The account's audit trail, newest first, one page per request. */
import { tableName } from '#core/clients/dynamodb';
import { decodeCursor } from '#core/db';
import { auditPageQuery, auditPartition, fromAuditItem, toAuditView } from '#core/entities/audit';
import { queryPage } from '#core/query-page';
import type { PageQuery } from '#core/schemas';

export const listAuditEntries = (accountId: string, { cursor, limit }: PageQuery) =>
  queryPage(
    auditPageQuery(tableName, accountId, {
      limit,
      startKey: decodeCursor(cursor, auditPartition(accountId)),
    }),
    (item) => toAuditView(fromAuditItem(item))
  );
