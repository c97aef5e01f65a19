/** The account's audit trail, newest first, one page per request. */

import type { MemberCaller } from '#core/access/caller';
import { queryPage } from '#core/db/query-page';
import { auditPageQuery, auditPartition, fromAuditItem } from '#core/entities/audit';
import type { PageQuery } from '#core/http/schemas';
import type { TableStore } from '#core/table/store';
import { toAuditView } from '#core/views/audit';

export const listAuditEntries = (
  store: TableStore,
  caller: MemberCaller,
  { cursor, limit }: PageQuery
) => {
  const { accountId } = caller.membership;
  return queryPage(
    { list: 'audit', owner: caller, ...auditPartition(accountId) },
    cursor,
    (startKey) => auditPageQuery(accountId, { limit, startKey }),
    (item) => toAuditView(fromAuditItem(item)),
    store
  );
};
