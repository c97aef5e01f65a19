/**
 * Operators load invoices by number. An invoice number names one invoice of
 * one account for good (marker `EXTERNAL#invoice#<number>`); loading it
 * again rewrites what the billing system owns (dates, amounts, status,
 * lines), so a paid invoice is simply loaded again with `status: paid`.
 */
import type { StaffCheck } from '#core/access/caller';
import { writeTogether } from '#core/db/transact';
import type { Account } from '#core/entities/account';
import { diffFields } from '#core/entities/audit';
import { normaliseContractNumber } from '#core/entities/contract';
import type { ExternalIdMarker } from '#core/entities/external-id';
import {
  createInvoicePut,
  fromInvoiceItem,
  getInvoiceCommand,
  INVOICE_LOADED_FIELDS,
  type Invoice,
  replaceInvoicePut,
} from '#core/entities/invoice';
import { ConflictError, ValidationError } from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';
import { nowIso } from '#core/table/db';
import type { TableStore } from '#core/table/store';
import { toInvoiceView } from '#core/views/invoice';
import { accountAndMarker, createOrReload, externalIdWrite, type Loaded } from './loaded.ts';
import type { InvoiceLoad } from './schemas.ts';

export const toStaffInvoiceView = (invoice: Invoice) => ({
  accountId: invoice.accountId,
  ...toInvoiceView(invoice),
  version: invoice.version,
});

export const invoiceLocation = (invoice: Invoice) =>
  `/accounts/${invoice.accountId}/invoices/${invoice.number}`;

const changedMeanwhile = () =>
  new ConflictError(
    PROBLEM.changedMeanwhile,
    'The invoice changed while it was being loaded; send the load again.'
  );

/** Lines name contracts of this account only; numbers are kept normalised. */
const loadedInvoiceFields = (account: Account, input: InvoiceLoad) => {
  const problems = input.lines.flatMap((line, index) =>
    line.contractNumber !== undefined &&
    !account.contractNumbers.includes(normaliseContractNumber(line.contractNumber))
      ? [
          {
            field: `lines.${index}.contractNumber`,
            code: 'not_allowed' as const,
            allowed: account.contractNumbers,
            message: `Not a contract of this account; use one of ${account.contractNumbers.join(', ')}.`,
          },
        ]
      : []
  );
  if (problems.length) throw new ValidationError(PROBLEM.validationFailed, problems);
  const { number: _number, lines, ...fields } = input;
  return {
    ...fields,
    lines: lines.map((line) =>
      line.contractNumber === undefined
        ? line
        : { ...line, contractNumber: normaliseContractNumber(line.contractNumber) }
    ),
  };
};

const createInvoice = async (
  store: TableStore,
  account: Account,
  input: InvoiceLoad
): Promise<Invoice> => {
  const now = nowIso();
  const invoice: Invoice = {
    accountId: account.id,
    number: input.number,
    ...loadedInvoiceFields(account, input),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await writeTogether(
    [
      externalIdWrite({
        kind: 'invoice',
        externalId: input.number,
        accountId: account.id,
        createdAt: now,
      }),
      { action: { Put: createInvoicePut(invoice) } },
    ],
    changedMeanwhile,
    store
  );
  return invoice;
};

const reloadInvoice = async (
  store: TableStore,
  account: Account,
  marker: ExternalIdMarker,
  input: InvoiceLoad
): Promise<Invoice> => {
  if (marker.accountId !== account.id) {
    throw new ConflictError(
      PROBLEM.externalIdTaken,
      `Invoice ${input.number} belongs to another account.`
    );
  }
  const fields = loadedInvoiceFields(account, input);
  const item = await store.get(getInvoiceCommand({ accountId: account.id, number: input.number }));
  if (!item) throw new Error(`invoice marker ${input.number} points at a missing invoice`);
  const invoice = fromInvoiceItem(item);
  const next: Invoice = {
    ...invoice,
    ...fields,
    version: invoice.version + 1,
    updatedAt: nowIso(),
  };
  if (Object.keys(diffFields(invoice, next, INVOICE_LOADED_FIELDS)).length === 0) return invoice;
  await writeTogether(
    [{ action: { Put: replaceInvoicePut(next, invoice.version) } }],
    changedMeanwhile,
    store
  );
  return next;
};

/**
 * POST /staff/accounts/{accountId}/invoices: one BatchGet (the account and
 * the number's marker), then a create (201) or a read and a reload (200).
 */
export const loadInvoice = async (
  store: TableStore,
  staffCheck: StaffCheck,
  accountId: string,
  input: InvoiceLoad
): Promise<Loaded<Invoice>> => {
  const { account, marker } = await accountAndMarker(
    staffCheck,
    accountId,
    'invoice',
    input.number
  );
  return createOrReload(store, 'invoice', input.number, marker, {
    create: () => createInvoice(store, account, input),
    reload: (known) => reloadInvoice(store, account, known, input),
  });
};
