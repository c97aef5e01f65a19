/** The account's audit trail, newest first, one page per request. */

import type { MemberCaller } from '#core/access/caller';
import { accountListPage } from '#core/db/query-page';
import { auditPageQuery, auditPartition, fromAuditItem } from '#core/entities/audit';
import type { PageQuery } from '#core/http/schemas';
import type { TableStore } from '#core/table/store';
import { toAuditView } from '#core/views/audit';

export const listAuditEntries = (store: TableStore, caller: MemberCaller, page: PageQuery) =>
  accountListPage(store, caller, page, {
    list: 'audit',
    listing: auditPartition,
    page: auditPageQuery,
    toView: (item) => toAuditView(fromAuditItem(item)),
  });
