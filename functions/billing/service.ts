/**
 * Invoices and usage of an account, read after the membership check: each
 * request is one more read (a Query or a GetItem). Usage lives in a
 * partition per service keyed by the account too, so a service id of
 * another account, or none at all, simply has no records here.
 */
import type { MemberCaller } from '#core/access/caller';
import { accountListPage, queryPage } from '#core/db/query-page';
import {
  fromInvoiceItem,
  getInvoiceCommand,
  invoicesListing,
  invoicesPageQuery,
} from '#core/entities/invoice';
import {
  type CallRecord,
  callsPageQuery,
  callsRange,
  type ServiceIds,
  type TrafficSample,
  toCallView,
  toTrafficView,
  trafficPageQuery,
  trafficRange,
} from '#core/entities/usage';
import type { PageQuery } from '#core/http/schemas';
import { downloadLink } from '#core/platform/clients/invoice-files';
import { now } from '#core/platform/clock';
import { NotFoundError } from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';
import type { TableStore } from '#core/table/store';
import { toInvoiceSummary, toInvoiceView } from '#core/views/invoice';
import type { CallsQuery, TrafficQuery } from './schemas.ts';
import { assertReachesUsage } from './usage-reach.ts';

export const listInvoices = (store: TableStore, caller: MemberCaller, page: PageQuery) =>
  accountListPage(store, caller, page, {
    list: 'invoices',
    listing: invoicesListing,
    page: invoicesPageQuery,
    toView: (item) => toInvoiceSummary(fromInvoiceItem(item)),
  });

const readInvoice = async (store: TableStore, accountId: string, number: string) => {
  const item = await store.get(getInvoiceCommand({ accountId, number }));
  if (!item) throw new NotFoundError(PROBLEM.notFound, 'The invoice does not exist.');
  return fromInvoiceItem(item);
};

export const getInvoice = async (store: TableStore, accountId: string, number: string) =>
  toInvoiceView(await readInvoice(store, accountId, number));

/** How long a PDF link works: long enough to follow, short enough to be worthless once shared. */
export const PDF_LINK_SECONDS = 300;

/** GET …/pdf: a presigned GET of the invoice's PDF, valid `PDF_LINK_SECONDS`. */
export const invoicePdfLink = async (store: TableStore, accountId: string, number: string) => {
  const { pdf } = await readInvoice(store, accountId, number);
  if (!pdf) throw new NotFoundError(PROBLEM.notFound, 'The invoice has no PDF.');
  const expiresAt = new Date(now().getTime() + PDF_LINK_SECONDS * 1000).toISOString();
  return { url: await downloadLink(pdf.key, PDF_LINK_SECONDS), expiresAt };
};

/**
 * Usage of one service of the caller's account, within the caller's reach
 * (usage-reach.ts); a cursor of one window works in another only inside it.
 */
export const listCalls = async (
  store: TableStore,
  caller: MemberCaller,
  ids: ServiceIds,
  { from, to, cursor, limit }: CallsQuery
) => {
  await assertReachesUsage(store, caller, ids.serviceId);
  return queryPage<CallRecord>(
    { list: 'calls', owner: caller, ...callsRange(ids, { from, to }) },
    cursor,
    (startKey) => callsPageQuery(ids, { from, to }, { limit, startKey }),
    toCallView,
    store
  );
};

export const listTraffic = async (
  store: TableStore,
  caller: MemberCaller,
  ids: ServiceIds,
  { from, to, ip, cursor, limit }: TrafficQuery
) => {
  await assertReachesUsage(store, caller, ids.serviceId);
  return queryPage<TrafficSample>(
    { list: 'traffic', owner: caller, ...trafficRange(ids, { from, to, ip }) },
    cursor,
    (startKey) => trafficPageQuery(ids, { from, to, ip }, { limit, startKey }),
    toTrafficView,
    store
  );
};
