import type { MemberCaller } from '#core/access/caller';
import type { PageQuery } from '#core/http/schemas';
import { createApiHandler } from '#core/http/stack';
import type { ApiRequest, ApiResult } from '#core/http/types';
import { tableStore } from '#core/table/function-store';
import { toServiceView } from '#core/views/service';
import { SERVICE_ROUTES } from './routes.ts';
import { getService, listServiceIps, listServices } from './service.ts';
import { assignSupportContact, resetSupportContact } from './support-contacts.ts';

type Request = ApiRequest<MemberCaller, undefined>;
type ListRequest = ApiRequest<MemberCaller, undefined, PageQuery>;

/** The four route functions of one listing; services and domains differ only in kind and path id. */
const listingRoutes = (
  kind: Parameters<typeof listServices>[2],
  idParam: 'serviceId' | 'domainId'
) => {
  const target = ({ params }: Request) => ({
    kind,
    serviceId: params[idParam] ?? '',
    contactId: params.contactId ?? '',
  });
  return {
    list: async ({ caller, query }: ListRequest): Promise<ApiResult> => ({
      status: 200,
      body: await listServices(tableStore, caller, kind, query),
    }),
    get: async (request: Request): Promise<ApiResult> => {
      const { accountId } = request.caller.membership;
      const service = await getService(tableStore, accountId, kind, target(request).serviceId);
      return { status: 200, body: toServiceView(service), version: service.version };
    },
    assign: async (request: Request): Promise<ApiResult> => {
      const service = await assignSupportContact(tableStore, request.caller, target(request), {
        ifMatch: request.ifMatchVersion,
      });
      return { status: 200, body: toServiceView(service), version: service.version };
    },
    reset: async (request: Request): Promise<ApiResult> => {
      await resetSupportContact(tableStore, request.caller, target(request), {
        ifMatch: request.ifMatchVersion,
      });
      return { status: 204 };
    },
  };
};

const services = listingRoutes('service', 'serviceId');
const domains = listingRoutes('domain', 'domainId');

export const handler = createApiHandler(SERVICE_ROUTES, {
  listServices: services.list,
  getService: services.get,
  listServiceIps: async ({ caller, params }: Request): Promise<ApiResult> => ({
    status: 200,
    body: await listServiceIps(tableStore, caller.membership.accountId, params.serviceId ?? ''),
  }),
  assignServiceSupportContact: services.assign,
  resetServiceSupportContact: services.reset,
  listDomains: domains.list,
  getDomain: domains.get,
  assignDomainSupportContact: domains.assign,
  resetDomainSupportContact: domains.reset,
});
