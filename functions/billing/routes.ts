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
    query: lazySchema(async () => (await import('#core/schemas')).pageQuerySchema),
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
] as const satisfies readonly RouteDefinition[];
