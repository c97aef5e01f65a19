import { createApiHandler } from '#core/http/stack';
import type { ApiResult } from '#core/http/types';
import { tableStore } from '#core/table/function-store';
import { loadAccount, toStaffAccountView } from './accounts.ts';
import { uploadInvoicePdf } from './invoice-pdf.ts';
import { invoiceLocation, loadInvoice, toStaffInvoiceView } from './invoices.ts';
import { type Loaded, resolveExternalId } from './loaded.ts';
import { findAccounts, getAccountForStaff } from './lookups.ts';
import { createNotice, getNotice, listNotices, noticeLocation } from './notices.ts';
import { STAFF_ACCOUNT_ROUTES, STAFF_NOTICE_ROUTES, STAFF_ROUTES } from './routes.ts';
import { loadService, serviceLocation, toStaffServiceView } from './services.ts';
import { loadUsage } from './usage.ts';

/** 201 with the new item's address the first time, 200 with it on every load after. */
const answer = <T>(loaded: Loaded<T>, view: unknown, location: string): ApiResult => ({
  status: loaded.created ? 201 : 200,
  headers: { [loaded.created ? 'location' : 'content-location']: location },
  body: view,
});

export const handler = createApiHandler(
  [...STAFF_ROUTES, ...STAFF_ACCOUNT_ROUTES, ...STAFF_NOTICE_ROUTES],
  {
    getStaffAccount: async ({ params }) => ({
      status: 200,
      body: await getAccountForStaff(tableStore, params.accountId ?? ''),
    }),
    findStaffAccounts: async ({ caller, staffCheck, query }) => ({
      status: 200,
      body: await findAccounts(tableStore, caller, staffCheck, query),
    }),
    loadAccount: async ({ caller, staffCheck, body }) => {
      const loaded = await loadAccount(tableStore, caller, staffCheck, body);
      return answer(loaded, toStaffAccountView(loaded.value), `/accounts/${loaded.value.id}`);
    },
    loadService: async ({ caller, staffCheck, params, body }) => {
      const loaded = await loadService(
        tableStore,
        caller,
        staffCheck,
        params.accountId ?? '',
        body
      );
      return answer(loaded, toStaffServiceView(loaded.value), serviceLocation(loaded.value));
    },
    loadInvoice: async ({ staffCheck, params, body }) => {
      const loaded = await loadInvoice(tableStore, staffCheck, params.accountId ?? '', body);
      return answer(loaded, toStaffInvoiceView(loaded.value), invoiceLocation(loaded.value));
    },
    uploadInvoicePdf: async ({ params, body }) => ({
      status: 200,
      body: toStaffInvoiceView(
        await uploadInvoicePdf(
          tableStore,
          { accountId: params.accountId, number: params.invoiceNumber },
          body
        )
      ),
    }),
    loadUsage: async ({ params, body }) => ({
      status: 200,
      body: await loadUsage(
        tableStore,
        { accountId: params.accountId ?? '', serviceId: params.serviceId ?? '' },
        body
      ),
    }),
    createNotice: async ({ caller, body, idempotencyKey }) => {
      const { replayed, ...accepted } = await createNotice(
        tableStore,
        caller,
        body,
        idempotencyKey
      );
      return {
        status: 202,
        headers: { location: noticeLocation(accepted.id) },
        body: accepted,
        replayed,
      };
    },
    listNotices: async ({ caller, query }) => ({
      status: 200,
      body: await listNotices(tableStore, caller, query),
    }),
    getNotice: async ({ params }) => ({
      status: 200,
      body: await getNotice(tableStore, params.noticeId ?? ''),
    }),
    resolveExternalId: async ({ params }) => ({
      status: 200,
      body: await resolveExternalId(tableStore, params.kind ?? '', params.externalId ?? ''),
    }),
  }
);
