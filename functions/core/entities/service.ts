/**
 * Service or domain of an account (a domain is a service of type `domain`).
 * Its support contacts are kept on the item itself, keyed by contact id, and
 * mirrored on each contact (`assignedServices`) in the same transaction, so
 * showing a service with its support contacts is one read. Index
 * `servicesOfAccount` (gsi1) lists services and domains apart, by label.
 */
import type { TransactUpdate } from '../table/db.ts';
import type { GetInput, PutInput, QueryInput } from '../table/inputs.ts';
import { PREFIX, TABLE } from '../table/table.ts';
import {
  attributesOf,
  type EntityOf,
  integer,
  oneOf,
  optional,
  readItem,
  shaped,
  text,
  textList,
  withDefault,
} from './attributes.ts';
import { SERVICE_PLACE_ATTRIBUTES, serviceAudienceKeys } from './audience.ts';
import { type Contact, contactDisplayName, type SupportScope } from './contact.ts';
import { createPut } from './item-writes.ts';
import { SERVICE_AND_DOMAIN_TYPES, type ServiceType } from './service-type.ts';

export { SERVICE_TYPES, type ServiceType } from './service-type.ts';
/** The two listings: `/services` and `/domains`. */
export type ServiceKind = 'service' | 'domain';

export const SERVICE_STATUSES = ['pending', 'active', 'suspended', 'cancelled'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** What a service shows of a contact assigned to support it (refreshed when the contact changes). */
export interface SupportContactSnapshot {
  id: string;
  name: string;
  email: string;
  supportScope: SupportScope;
  assignedAt: string;
}

/** What a service item holds, declared once: the type and the item mapping derive from it. */
export const SERVICE_ATTRIBUTES = {
  id: text(),
  accountId: text(),
  type: oneOf(SERVICE_AND_DOMAIN_TYPES),
  label: text(),
  status: oneOf(SERVICE_STATUSES),
  contractNumber: optional(text()),
  server: optional(text()),
  /** Serverhousing only: the IP addresses the operators assigned to it, canonical form. */
  ips: optional(textList()),
  /** The operator's id for it (billing system); loading the same id again updates it. */
  externalId: text(),
  supportContacts: withDefault(shaped<Record<string, SupportContactSnapshot>>(), {}),
  version: integer(),
  createdAt: text(),
  updatedAt: text(),
};

export type Service = EntityOf<typeof SERVICE_ATTRIBUTES>;

export const kindOf = (type: ServiceType): ServiceKind =>
  type === 'domain' ? 'domain' : 'service';

export const serviceKeys = ({
  accountId,
  serviceId,
}: {
  accountId: string;
  serviceId: string;
}) => ({
  [TABLE.partitionKey]: `${PREFIX.account}${accountId}`,
  [TABLE.sortKey]: `${PREFIX.service}${serviceId}`,
});

/** gsi1 partition of one listing of an account: its services, or its domains. */
export const servicesListingKey = (accountId: string, kind: ServiceKind) =>
  `${PREFIX.account}${accountId}#${kind === 'domain' ? 'DOMAINS' : 'SERVICES'}`;

const listingSortKey = (service: Pick<Service, 'label' | 'id'>) =>
  `${service.label.toLowerCase()}#${service.id}`;

export const toServiceItem = (service: Service) => ({
  ...serviceKeys({ accountId: service.accountId, serviceId: service.id }),
  [TABLE.indexes.gsi1.partitionKey]: servicesListingKey(service.accountId, kindOf(service.type)),
  [TABLE.indexes.gsi1.sortKey]: listingSortKey(service),
  ...serviceAudienceKeys(service),
  entity: 'service',
  ...attributesOf(SERVICE_ATTRIBUTES, service),
});

export const fromServiceItem = (item: Record<string, unknown>): Service =>
  readItem('service', SERVICE_ATTRIBUTES, item);

/** The notice-audience keys a service item carries (the backfill writes them onto older items). */
export const serviceIndexKeys = (item: Record<string, unknown>) =>
  serviceAudienceKeys(fromServiceItem(item));

export const isServiceItem = (item: Record<string, unknown>) => item.entity === 'service';

export const getServiceCommand = (ids: { accountId: string; serviceId: string }): GetInput => ({
  Key: serviceKeys(ids),
  ConsistentRead: true,
});

export const servicesListingPartition = (accountId: string, kind: ServiceKind) => ({
  partitionAttribute: TABLE.indexes.gsi1.partitionKey,
  partitionValue: servicesListingKey(accountId, kind),
});

/**
 * Access pattern `servicesOfAccount`: one page of an account's services or
 * of its domains, by label. An index read, so eventually consistent.
 */
export const servicesPageQuery = (
  accountId: string,
  kind: ServiceKind,
  page: { limit: number; startKey?: Record<string, unknown> }
): QueryInput => ({
  IndexName: TABLE.indexes.gsi1.name,
  KeyConditionExpression: '#pk = :pk',
  ExpressionAttributeNames: { '#pk': TABLE.indexes.gsi1.partitionKey },
  ExpressionAttributeValues: { ':pk': servicesListingKey(accountId, kind) },
  Limit: page.limit,
  ExclusiveStartKey: page.startKey,
});

/** What a service shows of a contact; `assignedAt` is kept from the assignment. */
export const supportSnapshot = (
  contact: Pick<Contact, 'id' | 'firstName' | 'lastName' | 'email' | 'supportScope'>,
  assignedAt: string
): SupportContactSnapshot => ({
  id: contact.id,
  name: contactDisplayName(contact),
  email: contact.email,
  supportScope: contact.supportScope,
  assignedAt,
});

const supportContactNames = (contactId: string) => ({
  '#pk': TABLE.partitionKey,
  '#contacts': 'supportContacts',
  '#contact': contactId,
  '#version': 'version',
  '#updatedAt': 'updatedAt',
});

/**
 * patch: sets (assign, or refresh) one support contact's entry and moves the
 * version. With `expectedVersion` only over the version that was read (the
 * assignment routes); without it only while the service exists (a contact
 * change refreshing the snapshots of the services it supports).
 */
export const putSupportContactUpdate = (
  ids: { accountId: string; serviceId: string },
  snapshot: SupportContactSnapshot,
  updatedAt: string,
  expectedVersion?: number
): TransactUpdate => ({
  Key: serviceKeys(ids),
  UpdateExpression: 'SET #contacts.#contact = :snapshot, #updatedAt = :updatedAt ADD #version :one',
  ConditionExpression:
    expectedVersion === undefined
      ? 'attribute_exists(#pk)'
      : 'attribute_exists(#pk) AND #version = :expected',
  ExpressionAttributeNames: supportContactNames(snapshot.id),
  ExpressionAttributeValues: {
    ':snapshot': snapshot,
    ':updatedAt': updatedAt,
    ':one': 1,
    ...(expectedVersion === undefined ? {} : { ':expected': expectedVersion }),
  },
});

/** patch: removes one support contact's entry (reset, scope `none`, contact deleted). */
export const removeSupportContactUpdate = (
  ids: { accountId: string; serviceId: string },
  contactId: string,
  updatedAt: string,
  expectedVersion?: number
): TransactUpdate => ({
  Key: serviceKeys(ids),
  UpdateExpression: 'REMOVE #contacts.#contact SET #updatedAt = :updatedAt ADD #version :one',
  ConditionExpression:
    expectedVersion === undefined
      ? 'attribute_exists(#pk)'
      : 'attribute_exists(#pk) AND #version = :expected',
  ExpressionAttributeNames: supportContactNames(contactId),
  ExpressionAttributeValues: {
    ':updatedAt': updatedAt,
    ':one': 1,
    ...(expectedVersion === undefined ? {} : { ':expected': expectedVersion }),
  },
});

/** A transaction's guard that the service exists in the account (e.g. for a ticket about it). */
export const serviceExistsCheck = (ids: { accountId: string; serviceId: string }) => ({
  Key: serviceKeys(ids),
  ConditionExpression: 'attribute_exists(#pk)',
  ExpressionAttributeNames: { '#pk': TABLE.partitionKey },
});
/** create: a new service or domain, as the operators load it (no support contacts yet). */
export const createServicePut = (service: Service): PutInput => createPut(toServiceItem(service));

/** The fields an operators' reload owns; everything else (support contacts) is the holder's. */
export type LoadedServiceFields = Pick<
  Service,
  'label' | 'status' | 'contractNumber' | 'server' | 'ips'
>;

/**
 * patch: rewrites only the loaded fields (and the listing's sort key, which
 * follows the label), bumping the version. The type is a condition, not a
 * change: a service never moves between the services and domains listings.
 * Support contacts are never named, so a concurrent assignment is kept.
 */
export const patchLoadedServiceUpdate = (
  service: Pick<Service, 'accountId' | 'id' | 'type'>,
  fields: LoadedServiceFields,
  updatedAt: string
): TransactUpdate => {
  const sets = [
    '#label = :label',
    '#status = :status',
    '#gsi1sk = :gsi1sk',
    '#updatedAt = :updatedAt',
    '#version = #version + :one',
  ];
  const removes: string[] = [];
  const names: Record<string, string> = {
    '#pk': TABLE.partitionKey,
    '#type': 'type',
    '#label': 'label',
    '#status': 'status',
    '#gsi1sk': TABLE.indexes.gsi1.sortKey,
    '#updatedAt': 'updatedAt',
    '#version': 'version',
    '#contractNumber': 'contractNumber',
    '#server': 'server',
    '#ips': 'ips',
  };
  const values: Record<string, unknown> = {
    ':type': service.type,
    ':label': fields.label,
    ':status': fields.status,
    ':gsi1sk': listingSortKey({ label: fields.label, id: service.id }),
    ':updatedAt': updatedAt,
    ':one': 1,
  };
  for (const field of ['contractNumber', 'server', 'ips'] as const) {
    const value = fields[field];
    if (value === undefined) removes.push(`#${field}`);
    else {
      sets.push(`#${field} = :${field}`);
      values[`:${field}`] = value;
    }
  }
  // The notice audiences follow the server (a domain: its name) with the change.
  const audience = serviceAudienceKeys({ ...service, label: fields.label, server: fields.server });
  for (const [index, attribute] of SERVICE_PLACE_ATTRIBUTES.entries()) {
    const value = audience[attribute];
    names[`#place${index}`] = attribute;
    if (value === undefined) removes.push(`#place${index}`);
    else {
      sets.push(`#place${index} = :place${index}`);
      values[`:place${index}`] = value;
    }
  }
  return {
    Key: serviceKeys({ accountId: service.accountId, serviceId: service.id }),
    UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
    ConditionExpression: 'attribute_exists(#pk) AND #type = :type',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
};
