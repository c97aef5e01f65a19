/**
 * Staff notices in tests: a notice stored as the API stores it, the two
 * fan-out steps run by hand (as the notify worker runs them), and what
 * they left in the table.
 */
import { randomUUID } from 'node:crypto';
import { deliveriesOfSourceQuery, fromDeliveryItem } from '#core/entities/delivery';
import {
  createNoticePut,
  fromNoticeAccountItem,
  isNoticeAccountItem,
  type Notice,
  type NoticeScope,
  noticePartitionQuery,
  noticeSource,
} from '#core/entities/notice';
import { sortableId } from '#core/platform/ids';
import { queryAll, type TableStore } from '#core/table/store';
import { addressNotice, fanOutNoticeAccount } from '../../functions/notify/notices.ts';
import { getNotice } from '../../functions/staff/notices.ts';

export const storeNotice = async (
  store: TableStore,
  scope: NoticeScope,
  fields: Partial<Notice> = {}
): Promise<Notice> => {
  const notice: Notice = {
    id: sortableId(),
    category: 'general',
    scope,
    subject: 'Maintenance of {service}',
    text: 'Dear {name}, the servers of {account} restart tonight.',
    createdBy: randomUUID(),
    createdAt: new Date().toISOString(),
    status: 'accepted',
    ...fields,
  };
  await store.put(createNoticePut(notice));
  return notice;
};

export const workItemsOf = async (store: TableStore, noticeId: string) =>
  (await queryAll(store, noticePartitionQuery(noticeId)))
    .filter(isNoticeAccountItem)
    .map(fromNoticeAccountItem);

/** Both steps, as the worker runs them on the notice's and its work items' stream records. */
export const runNotice = async (store: TableStore, notice: Notice) => {
  await addressNotice(store, notice);
  for (const work of await workItemsOf(store, notice.id)) await fanOutNoticeAccount(store, work);
  return getNotice(store, notice.id);
};

export const noticeDeliveriesOf = async (store: TableStore, noticeId: string) =>
  (await queryAll(store, deliveriesOfSourceQuery(noticeSource(noticeId)))).map(fromDeliveryItem);
