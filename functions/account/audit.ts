/** The account's audit trail, newest first, one page per request. */
import { tableName } from '#core/clients/dynamodb';
import { auditPageQuery, auditPartition, fromAuditItem, toAuditView } from '#core/entities/audit';
import type { MemberCaller } from '#core/http/types';
import { queryPage } from '#core/query-page';
import type { PageQuery } from '#core/schemas';

export const listAuditEntries = (caller: MemberCaller, { cursor, limit }: PageQuery) => {
  const { accountId } = caller.membership;
  return queryPage(
    { list: 'audit', owner: caller, ...auditPartition(accountId) },
    cursor,
    (startKey) => auditPageQuery(tableName, accountId, { limit, startKey }),
    (item) => toAuditView(fromAuditItem(item))
  );
};
