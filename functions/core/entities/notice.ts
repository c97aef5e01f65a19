/**
 * A staff notice (`NOTICE#<n>` / `NOTICE`) and its work items, one per
 * account in scope (`NOTICE#<n>` / `ACCOUNT#<a>`). The notify worker writes
 * the work items when the notice arrives on the stream (create-only, so a
 * replay adds none), and each work item, on its own stream record, becomes
 * that account's deliveries. The work item keeps the account's counts; the
 * mailer adds `sent` / `failed` to it, so no single item takes every
 * recipient's write (docs/notifications.md).
 */
import type { TransactUpdate } from '../table/db.ts';
import type { GetInput, PutInput, QueryInput } from '../table/inputs.ts';
import { PREFIX, TABLE } from '../table/table.ts';
import {
  attributesOf,
  type EntityOf,
  integer,
  oneOf,
  optional,
  readItem,
  shaped,
  text,
  textList,
  withDefault,
} from './attributes.ts';
import { createPut, patchIfExists } from './item-writes.ts';
import type { ServiceType } from './service-type.ts';

export const NOTICE_ENTITY = 'notice';
export const NOTICE_ACCOUNT_ENTITY = 'noticeAccount';

/** What a notice may be about: ticket, invoice and security mail have their own sources. */
export const NOTICE_CATEGORIES = ['general', 'product', 'domain'] as const;
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number];

/** Exactly one of these names who a notice is for. */
export type NoticeScope =
  | { accountIds: string[] }
  | { services: { accountId: string; serviceId: string }[] }
  | { server: string }
  | { serviceType: ServiceType }
  | { domains: string[] }
  | { everyone: true };

/** Scopes that name services: isolated support contacts get them only for their own services. */
export const isServiceScope = (scope: NoticeScope) =>
  !('accountIds' in scope || 'everyone' in scope);

export const NOTICE_STATUSES = ['accepted', 'addressed'] as const;

export const NOTICE_ATTRIBUTES = {
  id: text(),
  category: oneOf(NOTICE_CATEGORIES),
  scope: shaped<NoticeScope>(),
  subject: text(),
  text: text(),
  html: optional(text()),
  /** The staff login that sent it. */
  createdBy: text(),
  createdAt: text(),
  status: oneOf(NOTICE_STATUSES),
  /** Accounts in scope, once the work items are written. */
  accounts: optional(integer()),
  addressedAt: optional(text()),
};
export type Notice = EntityOf<typeof NOTICE_ATTRIBUTES>;

/** Why a contact of an account in scope got no mail of a notice. */
export const SKIP_REASONS = [
  'categoryOff',
  'loginSuspended',
  'notAssigned',
  'noInvoiceAccess',
  'duplicateAddress',
  'suppressed',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export const NOTICE_ACCOUNT_ATTRIBUTES = {
  noticeId: text(),
  accountId: text(),
  /** The account's services in scope (service-scoped notices only). */
  serviceIds: optional(textList()),
  status: oneOf(['pending', 'done'] as const),
  createdAt: text(),
  /** Addresses a delivery was made for (queued or suppressed). */
  recipients: withDefault(integer(), 0),
  queued: withDefault(integer(), 0),
  skipped: withDefault(shaped<Partial<Record<SkipReason, number>>>(), {}),
  /** Added by the mailer as each delivery ends. */
  sent: withDefault(integer(), 0),
  failed: withDefault(integer(), 0),
  doneAt: optional(text()),
};
export type NoticeAccount = EntityOf<typeof NOTICE_ACCOUNT_ATTRIBUTES>;

const noticePk = (noticeId: string) => `${PREFIX.notice}${noticeId}`;

export const noticeKeys = (noticeId: string) => ({
  [TABLE.partitionKey]: noticePk(noticeId),
  [TABLE.sortKey]: PREFIX.noticeItem,
});

export const noticeAccountKeys = ({
  noticeId,
  accountId,
}: Pick<NoticeAccount, 'noticeId' | 'accountId'>) => ({
  [TABLE.partitionKey]: noticePk(noticeId),
  [TABLE.sortKey]: `${PREFIX.account}${accountId}`,
});

/**
 * gsi1 keys of access pattern `noticesByTime`: one partition for every
 * notice (staff send a few a day), sorted by creation time and id.
 */
const noticeListKeys = (notice: Pick<Notice, 'id' | 'createdAt'>) => ({
  [TABLE.indexes.gsi1.partitionKey]: PREFIX.noticeList,
  [TABLE.indexes.gsi1.sortKey]: `${notice.createdAt}#${notice.id}`,
});

export const createNoticePut = (notice: Notice): PutInput =>
  createPut({
    ...noticeKeys(notice.id),
    ...noticeListKeys(notice),
    entity: NOTICE_ENTITY,
    ...attributesOf(NOTICE_ATTRIBUTES, notice),
  });

export const fromNoticeItem = (item: Record<string, unknown>): Notice =>
  readItem(NOTICE_ENTITY, NOTICE_ATTRIBUTES, item);

export const getNoticeCommand = (noticeId: string): GetInput => ({
  Key: noticeKeys(noticeId),
  ConsistentRead: true,
});

/** The work items are all written: how many accounts the notice reached. */
export const noticeAddressedUpdate = (
  noticeId: string,
  accounts: number,
  addressedAt: string
): TransactUpdate =>
  patchIfExists(noticeKeys(noticeId), { status: 'addressed', accounts, addressedAt });

/** create: one work item per (notice, account), however often the notice is replayed. */
export const createNoticeAccountPut = (
  work: Pick<NoticeAccount, 'noticeId' | 'accountId' | 'serviceIds' | 'createdAt'>
): PutInput => {
  // No empty `skipped` map: DynamoDB Local's stream image carries it as an
  // attribute without a type, which no reader can unmarshall.
  const { skipped: _none, ...fields } = attributesOf(NOTICE_ACCOUNT_ATTRIBUTES, {
    ...work,
    status: 'pending',
    recipients: 0,
    queued: 0,
    skipped: {},
    sent: 0,
    failed: 0,
  });
  return createPut({ ...noticeAccountKeys(work), entity: NOTICE_ACCOUNT_ENTITY, ...fields });
};

export const fromNoticeAccountItem = (item: Record<string, unknown>): NoticeAccount =>
  readItem(NOTICE_ACCOUNT_ENTITY, NOTICE_ACCOUNT_ATTRIBUTES, item);

/**
 * The account's counts, set (not added) from what its deliveries hold, so a
 * replayed work item leaves them as they were.
 */
export const noticeAccountCountsUpdate = (
  work: Pick<NoticeAccount, 'noticeId' | 'accountId'>,
  counts: Pick<NoticeAccount, 'recipients' | 'queued' | 'skipped'>,
  doneAt: string
): TransactUpdate => patchIfExists(noticeAccountKeys(work), { ...counts, status: 'done', doneAt });

/** The source id a notice's deliveries carry (delivery.ts). */
export const noticeSource = (noticeId: string) => `${PREFIX.notice}${noticeId}`;

/**
 * The mailer's tally of a notice delivery that ended, on the account's work
 * item (ADD, in the transaction that ends the delivery); none for other sources.
 */
export const noticeTallyUpdate = (
  delivery: { sourceId: string; accountId: string },
  outcome: 'sent' | 'failed'
): TransactUpdate | undefined => {
  if (!delivery.sourceId.startsWith(PREFIX.notice)) return undefined;
  return {
    Key: noticeAccountKeys({
      noticeId: delivery.sourceId.slice(PREFIX.notice.length),
      accountId: delivery.accountId,
    }),
    UpdateExpression: 'ADD #outcome :one',
    ConditionExpression: 'attribute_exists(#pk)',
    ExpressionAttributeNames: { '#outcome': outcome, '#pk': TABLE.partitionKey },
    ExpressionAttributeValues: { ':one': 1 },
  };
};

/** Access pattern `noticeWithAccounts`: the notice and its work items, one partition. */
export const noticePartitionQuery = (noticeId: string): QueryInput => ({
  KeyConditionExpression: '#pk = :pk',
  ExpressionAttributeNames: { '#pk': TABLE.partitionKey },
  ExpressionAttributeValues: { ':pk': noticePk(noticeId) },
});

export const noticeListPartition = () => ({
  partitionAttribute: TABLE.indexes.gsi1.partitionKey,
  partitionValue: PREFIX.noticeList,
});

/** Access pattern `noticesByTime` (gsi1): every notice, newest first, one page. */
export const noticeListPageQuery = (page: {
  limit: number;
  startKey?: Record<string, unknown> | undefined;
}): QueryInput => ({
  IndexName: TABLE.indexes.gsi1.name,
  KeyConditionExpression: '#pk = :pk',
  ExpressionAttributeNames: { '#pk': TABLE.indexes.gsi1.partitionKey },
  ExpressionAttributeValues: { ':pk': PREFIX.noticeList },
  ScanIndexForward: false,
  Limit: page.limit,
  ExclusiveStartKey: page.startKey,
});

export const isNoticeItem = (item: Record<string, unknown>) => item.entity === NOTICE_ENTITY;
export const isNoticeAccountItem = (item: Record<string, unknown>) =>
  item.entity === NOTICE_ACCOUNT_ENTITY;
