import { createApiHandler } from '#core/http/stack';
import { tableStore } from '#core/table/function-store';
import { BILLING_ROUTES } from './routes.ts';
import { getInvoice, invoicePdfLink, listCalls, listInvoices, listTraffic } from './service.ts';
import { trafficTotals } from './traffic-totals.ts';

const serviceOf = (
  caller: { membership: { accountId: string } },
  params: Record<string, string>
) => ({
  accountId: caller.membership.accountId,
  serviceId: params.serviceId ?? '',
});

export const handler = createApiHandler(BILLING_ROUTES, {
  listInvoices: async ({ caller, query }) => ({
    status: 200,
    body: await listInvoices(tableStore, caller, query),
  }),
  getInvoice: async ({ caller, params }) => ({
    status: 200,
    body: await getInvoice(tableStore, caller.membership.accountId, params.invoiceNumber ?? ''),
  }),
  getInvoicePdf: async ({ caller, params }) => ({
    status: 200,
    body: await invoicePdfLink(tableStore, caller.membership.accountId, params.invoiceNumber),
  }),
  listCalls: async ({ caller, params, query }) => ({
    status: 200,
    body: await listCalls(tableStore, caller, serviceOf(caller, params), query),
  }),
  listTraffic: async ({ caller, params, query }) => ({
    status: 200,
    body: await listTraffic(tableStore, caller, serviceOf(caller, params), query),
  }),
  getTrafficTotals: async ({ caller, params, query }) => ({
    status: 200,
    body: await trafficTotals(tableStore, caller, serviceOf(caller, params), query),
  }),
});
