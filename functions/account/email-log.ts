/** The account's email log, newest first, one page per request. */

import type { MemberCaller } from '#core/access/caller';
import { accountListPage } from '#core/db/query-page';
import { emailLogPageQuery, emailLogPartition, fromEmailLogItem } from '#core/entities/email-log';
import type { PageQuery } from '#core/http/schemas';
import type { TableStore } from '#core/table/store';
import { toEmailLogView } from '#core/views/email-log';

export const listEmailLog = (store: TableStore, caller: MemberCaller, page: PageQuery) =>
  accountListPage(store, caller, page, {
    list: 'emails',
    listing: emailLogPartition,
    page: emailLogPageQuery,
    toView: (item) => toEmailLogView(fromEmailLogItem(item)),
  });
