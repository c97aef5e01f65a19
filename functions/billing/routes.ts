import { lazySchema, type RouteDefinition } from '#core/http/route';

const invoices = { kind: 'member', area: 'invoices' } as const;
const usage = { kind: 'member', area: 'usage' } as const;

/** Invoices and usage data: loaded by the operators (staff routes), read here. */
export const BILLING_ROUTES = [
  {
    id: 'listInvoices',
    method: 'GET',
    path: '/accounts/{accountId}/invoices',
    function: 'billing',
    access: invoices,
    summary: 'The account’s invoices, newest first (`?cursor=&limit=`)',
    query: lazySchema(async () => (await import('#core/http/schemas')).pageQuerySchema),
    success: { status: 200, description: 'A page of invoices (without their lines).' },
  },
  {
    id: 'getInvoice',
    method: 'GET',
    path: '/accounts/{accountId}/invoices/{invoiceNumber}',
    function: 'billing',
    access: invoices,
    summary: 'One invoice with its lines',
    success: { status: 200, description: 'The invoice.' },
  },
  {
    id: 'getInvoicePdf',
    method: 'GET',
    path: '/accounts/{accountId}/invoices/{invoiceNumber}/pdf',
    function: 'billing',
    access: invoices,
    summary: 'A link to download the invoice’s PDF, valid for 5 minutes',
    success: {
      status: 200,
      description:
        'A presigned link to the PDF (a GET, no token) and when it expires; ask again for a fresh one.',
    },
    notFound: 'No such invoice, or it has no PDF (`hasPdf: false`).',
  },
  {
    id: 'listCalls',
    method: 'GET',
    path: '/accounts/{accountId}/services/{serviceId}/calls',
    function: 'billing',
    access: usage,
    summary:
      'Call records of a VoIP service in `[from, to)`, oldest first (`?from=&to=&cursor=&limit=`)',
    query: lazySchema(async () => (await import('./schemas.ts')).callsQuerySchema),
    success: { status: 200, description: 'A page of call records.' },
  },
  {
    id: 'listTraffic',
    method: 'GET',
    path: '/accounts/{accountId}/services/{serviceId}/traffic',
    function: 'billing',
    access: usage,
    summary:
      'Traffic samples of a serverhousing service in `[from, to)`, oldest first, of every IP or one (`?from=&to=&ip=&cursor=&limit=`)',
    query: lazySchema(async () => (await import('./schemas.ts')).trafficQuerySchema),
    success: { status: 200, description: 'A page of traffic samples.' },
  },
  {
    id: 'getTrafficTotals',
    method: 'GET',
    path: '/accounts/{accountId}/services/{serviceId}/traffic/totals',
    function: 'billing',
    access: usage,
    summary:
      'Traffic of a serverhousing service per UTC month, in total and per IP (`?from=YYYY-MM&to=YYYY-MM`, both included; by default the last 12 months, at most 24)',
    query: lazySchema(async () => (await import('./schemas.ts')).trafficTotalsQuerySchema),
    success: {
      status: 200,
      description: 'Every month of the window, oldest first; a month without traffic shows zeros.',
    },
    conflict: 'The service is not a serverhousing service: only those have traffic.',
  },
] as const satisfies readonly RouteDefinition[];
