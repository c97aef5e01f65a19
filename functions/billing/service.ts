/**
 * Invoices and usage of an account, read after the membership check: each
 * request is one more read (a Query or a GetItem). Usage lives in a
 * partition per service keyed by the account too, so a service id of
 * another account, or none at all, simply has no records here.
 */
import { GetCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '#core/clients/dynamodb';
import { type CursorBounds, decodeRangeCursor, type Page } from '#core/db';
import {
  fromInvoiceItem,
  getInvoiceCommand,
  invoicesListing,
  invoicesPageQuery,
  toInvoiceSummary,
  toInvoiceView,
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
import { NotFoundError } from '#core/errors';
import { queryPage } from '#core/query-page';
import type { PageQuery } from '#core/schemas';
import { TABLE } from '#core/table';
import type { CallsQuery, TrafficQuery } from './schemas.ts';

/** Every invoice cursor has the index's keys and the table's. */
const INVOICE_CURSOR_KEYS = [
  TABLE.partitionKey,
  TABLE.sortKey,
  TABLE.indexes.gsi1.partitionKey,
  TABLE.indexes.gsi1.sortKey,
];

/** A page of a time- or number-ordered listing, its cursor checked against the listing's range. */
const rangePage = <T>(
  query: (startKey: Record<string, unknown> | undefined) => QueryCommandInput,
  bounds: CursorBounds,
  cursor: string | undefined,
  toView: (item: Record<string, unknown>) => T
): Promise<Page<T>> => queryPage(query(decodeRangeCursor(cursor, bounds)), toView);

export const listInvoices = (accountId: string, { cursor, limit }: PageQuery) =>
  rangePage(
    (startKey) => invoicesPageQuery(tableName, accountId, { limit, startKey }),
    {
      ...invoicesListing(accountId),
      keyAttributes: INVOICE_CURSOR_KEYS,
      sortAttribute: TABLE.indexes.gsi1.sortKey,
      from: '',
      to: '\uffff',
    },
    cursor,
    (item) => toInvoiceSummary(fromInvoiceItem(item))
  );

export const getInvoice = async (accountId: string, number: string) => {
  const { Item } = await dynamo.send(
    new GetCommand(getInvoiceCommand(tableName, { accountId, number }))
  );
  if (!Item) throw new NotFoundError('The invoice does not exist.');
  return toInvoiceView(fromInvoiceItem(Item));
};

export const listCalls = (ids: ServiceIds, { from, to, cursor, limit }: CallsQuery) =>
  rangePage<CallRecord>(
    (startKey) => callsPageQuery(tableName, ids, { from, to }, { limit, startKey }),
    callsRange(ids, { from, to }),
    cursor,
    toCallView
  );

export const listTraffic = (ids: ServiceIds, { from, to, ip, cursor, limit }: TrafficQuery) =>
  rangePage<TrafficSample>(
    (startKey) => trafficPageQuery(tableName, ids, { from, to, ip }, { limit, startKey }),
    trafficRange(ids, { from, to, ip }),
    cursor,
    toTrafficView
  );
