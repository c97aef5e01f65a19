/**
 * Test services and domains, written straight through the entity builder
 * (test setup only; operators load them through the staff API).
 */
import { randomUUID } from 'node:crypto';
import { contactKeys, fromContactItem } from '#core/entities/contact';
import { fromMembershipItem, getMembershipCommand } from '#core/entities/membership';
import { type Service, type ServiceType, toServiceItem } from '#core/entities/service';
import { tableStore } from '#core/table/function-store';
import type { Tenant } from './tenants.ts';

export const addService = async (
  tenant: Pick<Tenant, 'accountId' | 'contractNumber'>,
  fields: { type: ServiceType; label?: string; server?: string } = { type: 'hosting' }
): Promise<Service> => {
  const now = new Date().toISOString();
  const id = randomUUID();
  const service: Service = {
    id,
    accountId: tenant.accountId,
    type: fields.type,
    label: fields.label ?? `${fields.type} ${id.slice(0, 8)}`,
    status: 'active',
    contractNumber: tenant.contractNumber.toUpperCase(),
    ...(fields.server === undefined ? {} : { server: fields.server }),
    externalId: `test-${id}`,
    supportContacts: {},
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await tableStore.put({ Item: toServiceItem(service) });
  return service;
};

/**
 * API paths of a tenant's services, their support contacts and its contacts.
 * The tenant is read when a path is built, so a file can make it in beforeAll.
 */
export const supportPaths = (tenantOf: () => Pick<Tenant, 'accountId'>) => {
  const service = (serviceId: string, listing = 'services') =>
    `/accounts/${tenantOf().accountId}/${listing}/${serviceId}`;
  return {
    service,
    support: (serviceId: string, contactId: string, listing = 'services') =>
      `${service(serviceId, listing)}/support-contacts/${contactId}`,
    contact: (contactId: string) => `/accounts/${tenantOf().accountId}/contacts/${contactId}`,
  };
};

/** The membership item as stored (to check what the API keeps denormalised there). */
export const membershipOf = async (tenant: Pick<Tenant, 'accountId'>, loginId: string) => {
  const item = await tableStore.get(getMembershipCommand({ loginId, accountId: tenant.accountId }));
  return item ? fromMembershipItem(item) : undefined;
};

/** The login a contact was given (read from its item). */
export const loginIdOf = async (tenant: Pick<Tenant, 'accountId'>, contactId: string) => {
  const item = await tableStore.get({
    Key: contactKeys({ accountId: tenant.accountId, contactId }),
  });
  return item ? (fromContactItem(item).loginId ?? '') : '';
};
