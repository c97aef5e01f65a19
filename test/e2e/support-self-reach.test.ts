/**
 * A sub-account cannot widen its own ticket visibility: not by raising its
 * own support scope, not by assigning itself to a service. Narrowing its
 * own scope, and assigning others to services it reaches, stay allowed
 * (test/e2e/reach-ceilings.test.ts has the limits on what it does to others).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '#core/entities/service';
import { useGateway } from '../support/gateway.ts';
import { addService, supportPaths } from '../support/services.ts';
import {
  accessTokenFor,
  addContact,
  addSubAccountLogin,
  signedInTenant,
  type Tenant,
} from '../support/tenants.ts';

const { api } = useGateway();
let tenant: Tenant;

beforeAll(async () => {
  ({ tenant } = await signedInTenant('Selfreach'));
});

const paths = supportPaths(() => tenant);
const manager = (scope: 'none' | 'isolated' = 'none', services: Service[] = []) =>
  addSubAccountLogin(tenant, ['contacts', 'services', 'services:manage'], 'active', {
    scope,
    services,
  });

describe('a sub-account’s own support reach', () => {
  it('may not raise its own support scope, and is told whom to ask', async () => {
    // Prepare
    const self = await manager('none');
    const selfToken = await accessTokenFor(self.email);

    // Act
    const response = await api('PATCH', paths.contact(self.contactId), {
      token: selfToken,
      body: { supportScope: 'global' },
    });

    // Assess
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({
      area: 'contacts',
      grantedBy: { name: expect.stringContaining(tenant.name.split(' ')[0] ?? '') },
    });
    expect(response.body.detail).toMatch(/cannot widen its own support scope/);
  });

  it('may narrow its own scope, and set others’ up to its own', async () => {
    // Prepare
    const self = await manager('isolated');
    const selfToken = await accessTokenFor(self.email);
    const other = await addContact(tenant);

    // Act (others first: once narrowed to "none", it may give no scope wider than that)
    const others = await api('PATCH', paths.contact(other.contactId), {
      token: selfToken,
      body: { supportScope: 'isolated' },
    });
    const narrowed = await api('PATCH', paths.contact(self.contactId), {
      token: selfToken,
      body: { supportScope: 'none' },
    });

    // Assess
    expect([narrowed.status, others.status]).toEqual([200, 200]);
  });

  it('may not assign itself to a service, but may assign another contact', async () => {
    // Prepare
    const service = await addService(tenant);
    const self = await manager('isolated', [service]);
    const selfToken = await accessTokenFor(self.email);
    const other = await addContact(tenant, undefined, { supportScope: 'isolated' });

    // Act
    const itself = await api('PUT', paths.support(service.id, self.contactId), {
      token: selfToken,
    });
    const another = await api('PUT', paths.support(service.id, other.contactId), {
      token: selfToken,
    });

    // Assess
    expect(itself.status).toBe(403);
    expect(itself.body).toMatchObject({ area: 'services:manage' });
    expect(itself.body.detail).toMatch(/cannot assign itself/);
    expect(another.status).toBe(200);
  });
});
