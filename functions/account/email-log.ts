/** The account's email log, newest first, one page per request. */

import type { MemberCaller } from '#core/access/caller';
import { queryPage } from '#core/db/query-page';
import { emailLogPageQuery, emailLogPartition, fromEmailLogItem } from '#core/entities/email-log';
import type { PageQuery } from '#core/http/schemas';
import { tableName } from '#core/platform/clients/dynamodb';
import type { TableStore } from '#core/table/store';
import { toEmailLogView } from '#core/views/email-log';

export const listEmailLog = (
  store: TableStore,
  caller: MemberCaller,
  { cursor, limit }: PageQuery
) => {
  const { accountId } = caller.membership;
  return queryPage(
    { list: 'emails', owner: caller, ...emailLogPartition(accountId) },
    cursor,
    (startKey) => emailLogPageQuery(tableName, accountId, { limit, startKey }),
    (item) => toEmailLogView(fromEmailLogItem(item)),
    store
  );
};
