import type { Invoice } from '../entities/invoice.ts';

/** The API view; a list shows the same fields without the lines. */
export const toInvoiceView = (invoice: Invoice) => ({
  ...toInvoiceSummary(invoice),
  lines: invoice.lines.map((line) => ({ ...line })),
});

export const toInvoiceSummary = (invoice: Invoice) => ({
  number: invoice.number,
  issuedAt: invoice.issuedAt,
  dueAt: invoice.dueAt,
  ...(invoice.paidAt ? { paidAt: invoice.paidAt } : {}),
  currency: invoice.currency,
  net: invoice.net,
  tax: invoice.tax,
  total: invoice.total,
  status: invoice.status,
  hasPdf: invoice.pdf !== undefined,
});
