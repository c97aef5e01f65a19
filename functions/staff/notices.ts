/**
 * Staff notices: `POST /staff/notices` writes the notice and answers at
 * once; the notify worker addresses it and makes its deliveries
 * (docs/notifications.md). `GET /staff/notices/{noticeId}` reads the
 * notice's partition (the notice and one small work item per account in
 * scope, kept apart so the mailer's counts never pile onto one item) and
 * adds the accounts' counts up.
 */
import type { StaffCaller } from '#core/access/caller';
import { claimOf, commitOnce, staffScope } from '#core/db/idempotency';
import { queryPage } from '#core/db/query-page';
import { writeTogether } from '#core/db/transact';
import {
  createNoticePut,
  fromNoticeAccountItem,
  fromNoticeItem,
  isNoticeAccountItem,
  isNoticeItem,
  type Notice,
  type NoticeAccount,
  noticeListPageQuery,
  noticeListPartition,
  noticePartitionQuery,
  SKIP_REASONS,
  type SkipReason,
} from '#core/entities/notice';
import type { PageQuery } from '#core/http/schemas';
import { nowIso } from '#core/platform/clock';
import { ConflictError, NotFoundError } from '#core/platform/errors';
import { sortableId } from '#core/platform/ids';
import { PROBLEM } from '#core/platform/problem-types';
import { queryAll, type TableStore } from '#core/table/store';
import type { NoticeCreate } from './notice-schemas.ts';

export const noticeLocation = (id: string) => `/staff/notices/${id}`;

/** POST /staff/notices: one write (with the idempotency record when a key is sent). */
export const createNotice = async (
  store: TableStore,
  caller: StaffCaller,
  input: NoticeCreate,
  idempotencyKey: string | undefined
) => {
  const createdAt = nowIso();
  const notice: Notice = {
    id: sortableId(),
    category: input.category,
    scope: input.scope as Notice['scope'],
    subject: input.subject,
    text: input.text,
    ...(input.html === undefined ? {} : { html: input.html }),
    createdBy: caller.staffId,
    createdAt,
    status: 'accepted',
  };
  const { result, replayed } = await commitOnce(
    claimOf(staffScope(caller), 'createNotice', idempotencyKey, input),
    { id: notice.id, status: notice.status },
    createdAt,
    (idempotencyWrites) =>
      writeTogether(
        [...idempotencyWrites, { action: { Put: createNoticePut(notice) } }],
        () =>
          new ConflictError(
            PROBLEM.changedMeanwhile,
            'The notice could not be stored; send it again.'
          ),
        store
      )
  );
  return { ...result, replayed };
};

type Status = 'accepted' | 'addressing' | 'sending' | 'done';

/** Where the notice is: not yet addressed, accounts still to fan out, mail still queued, or done. */
const statusOf = (notice: Notice, works: NoticeAccount[], queued: number): Status => {
  if (notice.status === 'accepted') return 'accepted';
  if (works.some((work) => work.status === 'pending')) return 'addressing';
  return queued > 0 ? 'sending' : 'done';
};

export const noticeView = (notice: Notice, works: NoticeAccount[]) => {
  const sum = (pick: (work: NoticeAccount) => number) =>
    works.reduce((total, work) => total + pick(work), 0);
  const recipients = sum((work) => work.recipients);
  const sent = sum((work) => work.sent);
  const failed = sum((work) => work.failed);
  const queued = Math.max(0, sum((work) => work.queued) - sent - failed);
  const reasons = Object.fromEntries(
    SKIP_REASONS.map((reason) => [reason, sum((work) => work.skipped[reason] ?? 0)])
  ) as Record<SkipReason, number>;
  return {
    id: notice.id,
    status: statusOf(notice, works, queued),
    category: notice.category,
    scope: notice.scope,
    subject: notice.subject,
    createdAt: notice.createdAt,
    accounts: {
      inScope: notice.accounts ?? null,
      done: works.filter((work) => work.status === 'done').length,
    },
    recipients,
    sent,
    failed,
    queued,
    skipped: { total: Object.values(reasons).reduce((a, b) => a + b, 0), reasons },
  };
};

/** GET /staff/notices/{noticeId}: one partition, read whole (1 + accounts in scope small items). */
export const getNotice = async (store: TableStore, noticeId: string) => {
  const items = await queryAll(store, noticePartitionQuery(noticeId));
  const noticeItem = items.find(isNoticeItem);
  if (!noticeItem) throw new NotFoundError(PROBLEM.notFound, 'No notice has this id.');
  return noticeView(
    fromNoticeItem(noticeItem),
    items.filter(isNoticeAccountItem).map(fromNoticeAccountItem)
  );
};

/** A line of the staff list: what the notice item alone says (the counts are in its detail). */
const toNoticeSummary = (item: Record<string, unknown>) => {
  const notice = fromNoticeItem(item);
  return {
    id: notice.id,
    status: notice.status,
    category: notice.category,
    scope: notice.scope,
    subject: notice.subject,
    createdAt: notice.createdAt,
    createdBy: notice.createdBy,
    accounts: notice.accounts ?? null,
  };
};

/** GET /staff/notices: every notice, newest first, one index page (never a Scan). */
export const listNotices = (store: TableStore, caller: StaffCaller, page: PageQuery) =>
  queryPage(
    { list: 'staff-notices', owner: caller, ...noticeListPartition() },
    page.cursor,
    (startKey) => noticeListPageQuery({ limit: page.limit, startKey }),
    toNoticeSummary,
    store
  );
