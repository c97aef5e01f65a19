/**
 * Services and domains of an account, read side: a page of one listing
 * (one index Query) or one item (one GetItem). A domain asked for under
 * /services, or a service under /domains, does not exist there.
 */
import type { MemberCaller } from '#core/access/caller';
import { accountListPage } from '#core/db/query-page';
import {
  fromServiceItem,
  getServiceCommand,
  kindOf,
  type Service,
  type ServiceKind,
  servicesListingPartition,
  servicesPageQuery,
} from '#core/entities/service';
import type { PageQuery } from '#core/http/schemas';
import { ConflictError, NotFoundError } from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';
import type { Page } from '#core/table/db';
import type { TableStore } from '#core/table/store';
import { toServiceView } from '#core/views/service';

export type ServiceView = ReturnType<typeof toServiceView>;

export const serviceNotFound = (kind: ServiceKind) =>
  new NotFoundError(
    PROBLEM.notFound,
    kind === 'domain' ? 'The domain does not exist.' : 'The service does not exist.'
  );

/** The service from its item, if it is one of this listing (`kind`). */
export const serviceOfKind = (
  item: Record<string, unknown> | undefined,
  kind: ServiceKind
): Service => {
  const service = item ? fromServiceItem(item) : undefined;
  if (!service || kindOf(service.type) !== kind) throw serviceNotFound(kind);
  return service;
};

export const listServices = (
  store: TableStore,
  caller: MemberCaller,
  kind: ServiceKind,
  page: PageQuery
): Promise<Page<ServiceView>> =>
  accountListPage(store, caller, page, {
    list: `${kind}s`,
    listing: (accountId) => servicesListingPartition(accountId, kind),
    page: (accountId, range) => servicesPageQuery(accountId, kind, range),
    toView: (item) => toServiceView(fromServiceItem(item)),
  });

export const getService = async (
  store: TableStore,
  accountId: string,
  kind: ServiceKind,
  serviceId: string
): Promise<Service> =>
  serviceOfKind(await store.get(getServiceCommand({ accountId, serviceId })), kind);

/**
 * The IPs of a serverhousing service, from its item (one GetItem): the
 * operators load them with the service, at most 256, so one page.
 */
export const listServiceIps = async (
  store: TableStore,
  accountId: string,
  serviceId: string
): Promise<Page<{ ip: string }>> => {
  const service = await getService(store, accountId, 'service', serviceId);
  if (service.type !== 'serverhousing') {
    throw new ConflictError(
      PROBLEM.wrongServiceType,
      `This is a ${service.type} service; IP lists are kept for serverhousing services only.`
    );
  }
  return { items: (service.ips ?? []).map((ip) => ({ ip })), cursor: null };
};
