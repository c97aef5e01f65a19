/**
 * The helpdesk's list of refused inbound mail, newest first: who wrote,
 * what about, why it was refused and where its raw message is kept (the
 * mail bucket). One Query of gsi1 after the live staff check.
 */
import type { StaffCaller } from '#core/access/caller';
import { queryPage } from '#core/db/query-page';
import {
  fromInboundMailItem,
  inboundRefusalsPageQuery,
  inboundRefusalsPartition,
} from '#core/entities/inbound-mail';
import type { PageQuery } from '#core/http/schemas';
import type { TableStore } from '#core/table/store';

const toView = (item: Record<string, unknown>) => {
  const mail = fromInboundMailItem(item);
  return {
    sesMessageId: mail.sesMessageId,
    receivedAt: mail.receivedAt,
    from: mail.from,
    subject: mail.subject,
    reason: mail.reason ?? 'unreadable',
    rawKey: mail.rawKey,
    ...(mail.accountId ? { accountId: mail.accountId } : {}),
  };
};

export const listInboundRefusals = (
  store: TableStore,
  caller: StaffCaller,
  { cursor, limit }: PageQuery
) =>
  queryPage(
    { list: 'inbound-refusals', owner: caller, ...inboundRefusalsPartition() },
    cursor,
    (startKey) => inboundRefusalsPageQuery({ limit, ...(startKey ? { startKey } : {}) }),
    toView,
    store
  );
