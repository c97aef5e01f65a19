/**
 * Test services and domains, written straight through the entity builder
 * (test setup only; operators load them through the staff API).
 */
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '#core/clients/dynamodb';
import { type Service, type ServiceType, toServiceItem } from '#core/entities/service';
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
  await dynamo.send(new PutCommand({ TableName: tableName, Item: toServiceItem(service) }));
  return service;
};
