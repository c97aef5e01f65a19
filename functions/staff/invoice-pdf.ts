/**
 * Operators upload an invoice's PDF after loading the invoice. The file goes
 * to the invoice bucket first and the invoice item records it after, so a
 * failure in between leaves at most an object nobody is shown, never an
 * invoice claiming a PDF that is not there. One read (the invoice), one
 * write (the record), besides the staff item the authorizer reads.
 */

import { updateIf } from '#core/db/transact';
import {
  fromInvoiceItem,
  getInvoiceCommand,
  type Invoice,
  invoicePdfKey,
  recordInvoicePdfUpdate,
} from '#core/entities/invoice';
import { putObject } from '#core/platform/clients/invoice-files';
import { nowIso } from '#core/platform/clock';
import { ConflictError, NotFoundError } from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';
import type { TableStore } from '#core/table/store';

/** PUT /staff/accounts/{accountId}/invoices/{invoiceNumber}/pdf */
export const uploadInvoicePdf = async (
  store: TableStore,
  ids: { accountId: string; number: string },
  file: Buffer
): Promise<Invoice> => {
  const item = await store.get(getInvoiceCommand(ids));
  if (!item)
    throw new NotFoundError(PROBLEM.notFound, 'The account has no invoice of that number.');
  const invoice = fromInvoiceItem(item);
  const pdf = { key: invoicePdfKey(invoice), size: file.length, uploadedAt: nowIso() };
  await putObject(pdf.key, file, 'application/pdf');
  const recorded = await updateIf(recordInvoicePdfUpdate(invoice, pdf), store);
  if (!recorded) {
    throw new ConflictError(
      PROBLEM.changedMeanwhile,
      'The invoice changed while its PDF was stored; send the file again.'
    );
  }
  return { ...invoice, pdf, updatedAt: pdf.uploadedAt, version: invoice.version + 1 };
};
