/**
 * Services and domains of an account, read side: a page of one listing
 * (one index Query) or one item (one GetItem). A domain asked for under
 * /services, or a service under /domains, does not exist there.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '#core/clients/dynamodb';
import { decodeCursor, encodeCursor, type Page } from '#core/db';
import {
  fromServiceItem,
  getServiceCommand,
  kindOf,
  type Service,
  type ServiceKind,
  servicesListingPartition,
  servicesPageQuery,
  toServiceView,
} from '#core/entities/service';
import { NotFoundError } from '#core/errors';
import type { PageQuery } from '#core/schemas';

export type ServiceView = ReturnType<typeof toServiceView>;

export const serviceNotFound = (kind: ServiceKind) =>
  new NotFoundError(
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

export const listServices = async (
  accountId: string,
  kind: ServiceKind,
  { cursor, limit }: PageQuery
): Promise<Page<ServiceView>> => {
  const startKey = decodeCursor(cursor, servicesListingPartition(accountId, kind));
  const { Items = [], LastEvaluatedKey } = await dynamo.send(
    new QueryCommand(servicesPageQuery(tableName, accountId, kind, { limit, startKey }))
  );
  return {
    items: Items.map((item) => toServiceView(fromServiceItem(item))),
    cursor: encodeCursor(LastEvaluatedKey),
  };
};

export const getService = async (
  accountId: string,
  kind: ServiceKind,
  serviceId: string
): Promise<Service> => {
  const { Item } = await dynamo.send(
    new GetCommand(getServiceCommand(tableName, { accountId, serviceId }))
  );
  return serviceOfKind(Item, kind);
};
