/**
 * Invoice of an account, as the operators' billing system issued it. Kept in
 * the account partition (`INVOICE#<number>` sorts after the contacts, so
 * never inside `accountProfile`'s range) and listed newest first through
 * gsi1 (`invoicesOfAccount`). Amounts are decimal strings with the
 * currency's minor-unit digits (core/rules/money.ts): never floats. Dates are
 * calendar days, `YYYY-MM-DD`. An invoice may have a PDF in the invoice
 * bucket; the item records which object, so a view says `hasPdf` without
 * asking S3.
 */
import { zeroAmount } from '../rules/money.ts';
import type { TransactUpdate } from '../table/db.ts';
import type { GetInput, PutInput, QueryInput } from '../table/inputs.ts';
import { PREFIX, TABLE } from '../table/table.ts';
import {
  type Attribute,
  attributesOf,
  type EntityOf,
  integer,
  oneOf,
  optional,
  readItem,
  shaped,
  text,
  withDefault,
} from './attributes.ts';
import { createPut, patchAtVersion, replacePut } from './item-writes.ts';

export const INVOICE_STATUSES = ['open', 'paid', 'overdue', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** Each line's `total` is `net + tax`; `unitPrice` is as the billing system printed it. */
export interface InvoiceLine {
  description: string;
  quantity: number;
  unitPrice: string;
  net: string;
  tax: string;
  total: string;
  contractNumber?: string;
  serviceId?: string;
}

/** The PDF the operators uploaded: its object key in the invoice bucket, its size in bytes. */
export interface InvoicePdf {
  key: string;
  size: number;
  uploadedAt: string;
}

/** Items loaded before dates were calendar days held a midnight-UTC instant: its day is the date. */
const calendarDay = (): Attribute<string> => ({
  read: (value, item) => text().read(value, item).slice(0, 10),
  optional: false,
});

/** Lines loaded before net and tax were kept had one `amount`: the net, with no tax counted. */
const invoiceLines = (): Attribute<InvoiceLine[]> => ({
  read: (value, item) =>
    shaped<(InvoiceLine & { amount?: string })[]>()
      .read(value ?? [], item)
      .map(({ amount, ...line }) =>
        amount === undefined
          ? line
          : { ...line, net: amount, tax: zeroAmount(String(item.currency)), total: amount }
      ),
  optional: false,
});

/** What an invoice item holds, declared once: the type and the item mapping derive from it. */
export const INVOICE_ATTRIBUTES = {
  accountId: text(),
  number: text(),
  issuedAt: calendarDay(),
  dueAt: calendarDay(),
  paidAt: optional(calendarDay()),
  /** ISO 4217, e.g. `EUR`. */
  currency: text(),
  net: withDefault(text(), (item) => String(item.total)),
  tax: withDefault(text(), (item) => zeroAmount(String(item.currency))),
  total: text(),
  status: oneOf(INVOICE_STATUSES),
  lines: invoiceLines(),
  pdf: optional(shaped<InvoicePdf>()),
  version: integer(),
  createdAt: text(),
  updatedAt: text(),
};

export type Invoice = EntityOf<typeof INVOICE_ATTRIBUTES>;

/** The fields the billing system owns; a reload compares and rewrites exactly these. */
export const INVOICE_LOADED_FIELDS = [
  'issuedAt',
  'dueAt',
  'paidAt',
  'currency',
  'net',
  'tax',
  'total',
  'status',
  'lines',
] as const satisfies readonly (keyof Invoice)[];

export const invoiceKeys = ({ accountId, number }: { accountId: string; number: string }) => ({
  [TABLE.partitionKey]: `${PREFIX.account}${accountId}`,
  [TABLE.sortKey]: `${PREFIX.invoice}${number}`,
});

/**
 * The PDF's object key: the account and the number, both safe in a URL path
 * (an opaque id and an invoice number, core/http/id-shapes.ts).
 */
export const invoicePdfKey = ({ accountId, number }: { accountId: string; number: string }) =>
  `invoices/${accountId}/${number}.pdf`;

const invoicesListingKey = (accountId: string) => `${PREFIX.account}${accountId}#INVOICES`;

export const toInvoiceItem = (invoice: Invoice) => ({
  ...invoiceKeys(invoice),
  [TABLE.indexes.gsi1.partitionKey]: invoicesListingKey(invoice.accountId),
  [TABLE.indexes.gsi1.sortKey]: `${invoice.issuedAt}#${invoice.number}`,
  entity: 'invoice',
  ...attributesOf(INVOICE_ATTRIBUTES, invoice),
});

export const fromInvoiceItem = (item: Record<string, unknown>): Invoice =>
  readItem('invoice', INVOICE_ATTRIBUTES, item);

export const getInvoiceCommand = (ids: { accountId: string; number: string }): GetInput => ({
  Key: invoiceKeys(ids),
  ConsistentRead: true,
});

/** create: a new invoice number of the account. */
export const createInvoicePut = (invoice: Invoice): PutInput => createPut(toInvoiceItem(invoice));

/** replace: the reloaded invoice, only over the version that was read. */
export const replaceInvoicePut = (invoice: Invoice, expectedVersion: number): PutInput =>
  replacePut(toInvoiceItem(invoice), expectedVersion);

/**
 * patch: records the uploaded PDF, only over the version that was read, and
 * moves the version on, so a reload read before it cannot put the item back
 * without it.
 */
export const recordInvoicePdfUpdate = (invoice: Invoice, pdf: InvoicePdf): TransactUpdate =>
  patchAtVersion(invoiceKeys(invoice), { pdf, updatedAt: pdf.uploadedAt }, invoice.version);

export const invoicesListing = (accountId: string) => ({
  partitionAttribute: TABLE.indexes.gsi1.partitionKey,
  partitionValue: invoicesListingKey(accountId),
});

/** Access pattern `invoicesOfAccount`: one page, newest issue date first. */
export const invoicesPageQuery = (
  accountId: string,
  page: { limit: number; startKey?: Record<string, unknown> }
): QueryInput => ({
  IndexName: TABLE.indexes.gsi1.name,
  KeyConditionExpression: '#pk = :pk',
  ExpressionAttributeNames: { '#pk': TABLE.indexes.gsi1.partitionKey },
  ExpressionAttributeValues: { ':pk': invoicesListingKey(accountId) },
  ScanIndexForward: false,
  Limit: page.limit,
  ExclusiveStartKey: page.startKey,
});

/** The source id an invoice's mail carries (delivery.ts): one per account and number. */
export const invoiceMailSource = ({ accountId, number }: { accountId: string; number: string }) =>
  `${PREFIX.invoice}${accountId}#${number}`;

/** Invoices worth a mail when first loaded; a paid or void one loaded late mails nobody. */
export const MAILED_INVOICE_STATUSES: readonly InvoiceStatus[] = ['open', 'overdue'];
