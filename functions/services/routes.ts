import { lazySchema, type RouteDefinition } from '#core/http/route';

const services = { kind: 'member', area: 'services' } as const;
const servicesManage = { kind: 'member', area: 'services:manage' } as const;
const domains = { kind: 'member', area: 'domains' } as const;
const domainsManage = { kind: 'member', area: 'domains:manage' } as const;

const pageQuery = lazySchema(async () => (await import('#core/http/schemas')).pageQuerySchema);

/** Services and domains are the same item; each has its own paths and permission areas. */
export const SERVICE_ROUTES = [
  {
    id: 'listServices',
    method: 'GET',
    path: '/accounts/{accountId}/services',
    function: 'services',
    access: services,
    summary:
      'The account’s services (hosting, VPS, VoIP, serverhousing) by label (`?cursor=&limit=`)',
    query: pageQuery,
    success: { status: 200, description: 'A page of services.' },
  },
  {
    id: 'getService',
    method: 'GET',
    path: '/accounts/{accountId}/services/{serviceId}',
    function: 'services',
    access: services,
    summary: 'One service with its support contacts (`support: deactivated` when none)',
    success: { status: 200, description: 'The service.' },
    etag: true,
  },
  {
    id: 'listServiceIps',
    method: 'GET',
    path: '/accounts/{accountId}/services/{serviceId}/ips',
    function: 'services',
    access: services,
    summary: 'The IP addresses of a serverhousing service, as the operators assigned them',
    success: {
      status: 200,
      description: 'Every IP of the service in one page (`cursor` is null): at most 256.',
    },
    conflict: 'The service is not a serverhousing service: only those list IPs.',
  },
  {
    id: 'assignServiceSupportContact',
    method: 'PUT',
    path: '/accounts/{accountId}/services/{serviceId}/support-contacts/{contactId}',
    function: 'services',
    access: servicesManage,
    summary:
      'Assign a contact to support the service (its support scope must be `isolated` or `global`); idempotent',
    success: { status: 200, description: 'The service with its support contacts.' },
    ifMatch: true,
  },
  {
    id: 'resetServiceSupportContact',
    method: 'DELETE',
    path: '/accounts/{accountId}/services/{serviceId}/support-contacts/{contactId}',
    function: 'services',
    access: servicesManage,
    summary: 'Reset: the contact no longer supports the service; idempotent',
    success: { status: 204, description: 'Reset.' },
    ifMatch: true,
  },
  {
    id: 'listDomains',
    method: 'GET',
    path: '/accounts/{accountId}/domains',
    function: 'services',
    access: domains,
    summary: 'The account’s domains by name (`?cursor=&limit=`)',
    query: pageQuery,
    success: { status: 200, description: 'A page of domains.' },
  },
  {
    id: 'getDomain',
    method: 'GET',
    path: '/accounts/{accountId}/domains/{domainId}',
    function: 'services',
    access: domains,
    summary: 'One domain with its support contacts (`support: deactivated` when none)',
    success: { status: 200, description: 'The domain.' },
    etag: true,
  },
  {
    id: 'assignDomainSupportContact',
    method: 'PUT',
    path: '/accounts/{accountId}/domains/{domainId}/support-contacts/{contactId}',
    function: 'services',
    access: domainsManage,
    summary:
      'Assign a contact to support the domain (its support scope must be `isolated` or `global`); idempotent',
    success: { status: 200, description: 'The domain with its support contacts.' },
    ifMatch: true,
  },
  {
    id: 'resetDomainSupportContact',
    method: 'DELETE',
    path: '/accounts/{accountId}/domains/{domainId}/support-contacts/{contactId}',
    function: 'services',
    access: domainsManage,
    summary: 'Reset: the contact no longer supports the domain; idempotent',
    success: { status: 204, description: 'Reset.' },
    ifMatch: true,
  },
] as const satisfies readonly RouteDefinition[];
