/**
 * Invoice of an account, as the operators' billing system issued it. Kept in
 * the account partition (`INVOICE#<number>` sorts after the contacts, so
 * never inside `accountProfile`'s range) and listed newest first through
 * gsi1 (`invoicesOfAccount`). Amounts are decimal strings: never floats.
 */
import type { GetCommandInput, PutCommandInput, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { PREFIX, TABLE } from '../table.ts';
import { createPut, replacePut } from './item-writes.ts';

export const INVOICE_STATUSES = ['open', 'paid', 'overdue', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export interface InvoiceLine {
  description: string;
  quantity: number;
  unitPrice: string;
  amount: string;
  contractNumber?: string;
  serviceId?: string;
}

export interface Invoice {
  accountId: string;
  number: string;
  issuedAt: string;
  dueAt: string;
  /** ISO 4217, e.g. `EUR`. */
  currency: string;
  total: string;
  status: InvoiceStatus;
  lines: InvoiceLine[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The fields the billing system owns; a reload compares and rewrites exactly these. */
export const INVOICE_LOADED_FIELDS = [
  'issuedAt',
  'dueAt',
  'currency',
  'total',
  'status',
  'lines',
] as const satisfies readonly (keyof Invoice)[];

export const invoiceKeys = ({ accountId, number }: { accountId: string; number: string }) => ({
  [TABLE.partitionKey]: `${PREFIX.account}${accountId}`,
  [TABLE.sortKey]: `${PREFIX.invoice}${number}`,
});

const invoicesListingKey = (accountId: string) => `${PREFIX.account}${accountId}#INVOICES`;

export const toInvoiceItem = (invoice: Invoice) => ({
  ...invoiceKeys(invoice),
  [TABLE.indexes.gsi1.partitionKey]: invoicesListingKey(invoice.accountId),
  [TABLE.indexes.gsi1.sortKey]: `${invoice.issuedAt}#${invoice.number}`,
  entity: 'invoice',
  ...invoice,
});

export const fromInvoiceItem = (item: Record<string, unknown>): Invoice => ({
  accountId: item.accountId as string,
  number: item.number as string,
  issuedAt: item.issuedAt as string,
  dueAt: item.dueAt as string,
  currency: item.currency as string,
  total: item.total as string,
  status: item.status as InvoiceStatus,
  lines: (item.lines as InvoiceLine[] | undefined) ?? [],
  version: item.version as number,
  createdAt: item.createdAt as string,
  updatedAt: item.updatedAt as string,
});

/** The API view; a list shows the same fields without the lines. */
export const toInvoiceView = (invoice: Invoice) => ({
  ...toInvoiceSummary(invoice),
  lines: invoice.lines.map((line) => ({ ...line })),
});

export const toInvoiceSummary = (invoice: Invoice) => ({
  number: invoice.number,
  issuedAt: invoice.issuedAt,
  dueAt: invoice.dueAt,
  currency: invoice.currency,
  total: invoice.total,
  status: invoice.status,
});

export const getInvoiceCommand = (
  tableName: string,
  ids: { accountId: string; number: string }
): GetCommandInput => ({ TableName: tableName, Key: invoiceKeys(ids), ConsistentRead: true });

/** create: a new invoice number of the account. */
export const createInvoicePut = (tableName: string, invoice: Invoice): PutCommandInput =>
  createPut(tableName, toInvoiceItem(invoice));

/** replace: the reloaded invoice, only over the version that was read. */
export const replaceInvoicePut = (
  tableName: string,
  invoice: Invoice,
  expectedVersion: number
): PutCommandInput => replacePut(tableName, toInvoiceItem(invoice), expectedVersion);

export const invoicesListing = (accountId: string) => ({
  partitionAttribute: TABLE.indexes.gsi1.partitionKey,
  partitionValue: invoicesListingKey(accountId),
});

/** Access pattern `invoicesOfAccount`: one page, newest issue date first. */
export const invoicesPageQuery = (
  tableName: string,
  accountId: string,
  page: { limit: number; startKey?: Record<string, unknown> }
): QueryCommandInput => ({
  TableName: tableName,
  IndexName: TABLE.indexes.gsi1.name,
  KeyConditionExpression: '#pk = :pk',
  ExpressionAttributeNames: { '#pk': TABLE.indexes.gsi1.partitionKey },
  ExpressionAttributeValues: { ':pk': invoicesListingKey(accountId) },
  ScanIndexForward: false,
  Limit: page.limit,
  ExclusiveStartKey: page.startKey,
});
