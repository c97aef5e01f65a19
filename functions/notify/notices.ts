/**
 * A staff notice becomes deliveries in two steps, each on its own stream
 * record (docs/notifications.md, "Staff notices"):
 *
 * 1. `addressNotice`: the notice's scope, paged through the audience indexes
 *    (or read by key when it names accounts or services), becomes one work
 *    item per account in scope, created only if absent.
 * 2. `fanOutNoticeAccount`: a work item becomes that account's deliveries,
 *    and its counts (recipients, queued, skipped by reason).
 *
 * Both are safe to run again: a replay creates no second work item and no
 * second delivery, and sets the same counts.
 */
import { accountKeys } from '#core/entities/account';
import { type Audience, audienceMemberOf, audiencePageQuery } from '#core/entities/audience';
import { contactDisplayName } from '#core/entities/contact';
import {
  createNoticeAccountPut,
  fromNoticeItem,
  getNoticeCommand,
  isServiceScope,
  type Notice,
  type NoticeAccount,
  type NoticeScope,
  noticeAccountCountsUpdate,
  noticeAddressedUpdate,
  noticeSource,
  type SkipReason,
} from '#core/entities/notice';
import { fromServiceItem, isServiceItem, serviceKeys } from '#core/entities/service';
import { nowIso } from '#core/platform/clock';
import { isConditionFailure } from '#core/table/db';
import type { ItemKey, TableStore } from '#core/table/store';
import { renderNoticeMail } from './category-mail.ts';
import { categoryMailRecipients } from './category-recipients.ts';
import { getAll, readMailState, writeDeliveries } from './deliveries.ts';
import { mailReaderOf, readAccountProfile } from './readers.ts';

/** Work items created at once: enough to keep the table busy, few enough for one socket pool. */
const WRITE_CONCURRENCY = 50;
/** A `{service}` field names at most this many services. */
const SERVICES_NAMED = 5;

/** Account id → its services in scope (empty for account-wide scopes). */
type Reached = Map<string, Set<string>>;

const reach = (reached: Reached, member: { accountId: string; serviceId?: string } | undefined) => {
  if (!member) return;
  const services = reached.get(member.accountId) ?? new Set<string>();
  if (member.serviceId) services.add(member.serviceId);
  reached.set(member.accountId, services);
};

const pageAudience = async (store: TableStore, audience: Audience, reached: Reached) => {
  let startKey: ItemKey | undefined;
  do {
    const page = await store.query(audiencePageQuery(audience, startKey));
    for (const item of page.items) reach(reached, audienceMemberOf(item));
    startKey = page.lastKey;
  } while (startKey);
};

/** Every account the scope reaches, with its services in scope. Never a Scan. */
export const accountsInScope = async (store: TableStore, scope: NoticeScope): Promise<Reached> => {
  const reached: Reached = new Map();
  if ('everyone' in scope) await pageAudience(store, { kind: 'everyone' }, reached);
  else if ('serviceType' in scope)
    await pageAudience(store, { kind: 'type', type: scope.serviceType }, reached);
  else if ('server' in scope)
    await pageAudience(store, { kind: 'server', server: scope.server }, reached);
  else if ('domains' in scope)
    for (const name of scope.domains) await pageAudience(store, { kind: 'domain', name }, reached);
  else {
    // Named by key: only what exists (a service of another account named with this one: nothing).
    const keys =
      'accountIds' in scope
        ? scope.accountIds.map(accountKeys)
        : scope.services.map((ids) => serviceKeys(ids));
    for (const item of await getAll(store, keys)) reach(reached, audienceMemberOf(item));
  }
  return reached;
};

const createWork = async (
  store: TableStore,
  work: Parameters<typeof createNoticeAccountPut>[0]
) => {
  try {
    await store.put(createNoticeAccountPut(work));
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
};

/** Step 1: one work item per account in scope; returns how many accounts. */
export const addressNotice = async (store: TableStore, notice: Notice): Promise<number> => {
  const reached = await accountsInScope(store, notice.scope);
  const serviceScoped = isServiceScope(notice.scope);
  const createdAt = nowIso();
  const works = [...reached].map(([accountId, services]) => ({
    noticeId: notice.id,
    accountId,
    createdAt,
    ...(serviceScoped ? { serviceIds: [...services] } : {}),
  }));
  for (let at = 0; at < works.length; at += WRITE_CONCURRENCY)
    await Promise.all(
      works.slice(at, at + WRITE_CONCURRENCY).map((work) => createWork(store, work))
    );
  await store.update(noticeAddressedUpdate(notice.id, works.length, nowIso()));
  return works.length;
};

const servicesNamed = (labels: string[]) =>
  labels.length > SERVICES_NAMED
    ? `${labels.slice(0, SERVICES_NAMED).join(', ')} (+${labels.length - SERVICES_NAMED})`
    : labels.join(', ');

const count = (reasons: SkipReason[]) => {
  const counts: Partial<Record<SkipReason, number>> = {};
  for (const reason of reasons) counts[reason] = (counts[reason] ?? 0) + 1;
  return counts;
};

/** Step 2: one account's deliveries of the notice, and the account's counts. */
export const fanOutNoticeAccount = async (store: TableStore, work: NoticeAccount) => {
  const [noticeItem, { account, contacts }] = await Promise.all([
    store.get(getNoticeCommand(work.noticeId)),
    readAccountProfile(store, work.accountId),
  ]);
  if (!noticeItem || !account) return { recipients: 0, written: 0 };
  const notice = fromNoticeItem(noticeItem);
  const serviceIds = work.serviceIds;
  const readers = contacts.map(mailReaderOf);
  const { recipients, skipped } = categoryMailRecipients(
    { category: notice.category, ...(serviceIds ? { serviceIds } : {}) },
    readers
  );
  const source = {
    sourceId: noticeSource(notice.id),
    accountId: account.id,
    category: notice.category,
  };
  const state = await readMailState(
    store,
    source.sourceId,
    recipients.map((recipient) => recipient.email),
    (serviceIds ?? []).map((serviceId) => serviceKeys({ accountId: account.id, serviceId }))
  );
  const labels = new Map(
    state.extra
      .filter(isServiceItem)
      .map(fromServiceItem)
      .map((service) => [service.id, service.label])
  );
  const byContact = new Map(readers.map((reader) => [reader.contactId, reader]));
  const names = new Map(contacts.map((contact) => [contact.id, contactDisplayName(contact)]));
  const result = await writeDeliveries(store, source, recipients, state, (recipient) => {
    const reader = byContact.get(recipient.contactId);
    // An isolated contact hears only of its own services among those in scope.
    const own = (serviceIds ?? []).filter(
      (id) => reader?.supportScope !== 'isolated' || reader.supportServiceIds.includes(id)
    );
    const service = servicesNamed(own.flatMap((id) => labels.get(id) ?? []));
    return renderNoticeMail({
      notice,
      fields: {
        name: names.get(recipient.contactId) ?? recipient.email,
        account: account.name,
        ...(serviceIds ? { service } : {}),
      },
      language: recipient.language,
    });
  });
  const reasons: SkipReason[] = [
    ...skipped.map((skip) => skip.reason),
    ...result.duplicates.map(() => 'duplicateAddress' as const),
    ...Array.from({ length: result.suppressed }, () => 'suppressed' as const),
  ];
  await store.update(
    noticeAccountCountsUpdate(
      work,
      {
        recipients: result.recipients,
        queued: result.recipients - result.suppressed,
        skipped: count(reasons),
      },
      nowIso()
    )
  );
  return { recipients: result.recipients, written: result.written };
};
