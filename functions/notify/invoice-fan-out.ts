/**
 * Invoice mail: an invoice loaded by staff (a new invoice item on the
 * stream) becomes deliveries to the primary and the contacts with
 * `invoice` mail on whose login may read invoices (category-recipients.ts).
 * A reload is a change, not a new item, and the deliveries are keyed by the
 * invoice, so nobody is mailed about the same invoice twice.
 */
import { contactDisplayName } from '#core/entities/contact';
import { type Invoice, invoiceMailSource, MAILED_INVOICE_STATUSES } from '#core/entities/invoice';
import type { TableStore } from '#core/table/store';
import { renderInvoiceMail } from './category-mail.ts';
import { categoryMailRecipients } from './category-recipients.ts';
import { readMailState, writeDeliveries } from './deliveries.ts';
import { mailReaderOf, readAccountProfile } from './readers.ts';

export const fanOutInvoice = async (store: TableStore, invoice: Invoice) => {
  if (!MAILED_INVOICE_STATUSES.includes(invoice.status)) return { recipients: 0, written: 0 };
  const { account, contacts } = await readAccountProfile(store, invoice.accountId);
  if (!account) return { recipients: 0, written: 0 };
  const { recipients } = categoryMailRecipients(
    { category: 'invoice' },
    contacts.map(mailReaderOf)
  );
  const source = {
    sourceId: invoiceMailSource(invoice),
    accountId: account.id,
    category: 'invoice' as const,
  };
  const state = await readMailState(
    store,
    source.sourceId,
    recipients.map((recipient) => recipient.email)
  );
  const names = new Map(contacts.map((contact) => [contact.id, contactDisplayName(contact)]));
  const result = await writeDeliveries(store, source, recipients, state, (recipient) =>
    renderInvoiceMail(
      invoice,
      { name: names.get(recipient.contactId) ?? recipient.email, account: account.name },
      recipient.language
    )
  );
  return { recipients: result.recipients, written: result.written };
};
