import { beforeAll, describe, expect, it } from 'vitest';
import { setAssignedServicesUpdate } from '#core/entities/contact';
import { tableStore } from '#core/table/function-store';
import { MAX_ASSIGNED_SERVICES } from '#core/workflows/support-mirror';
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
let token: string;

beforeAll(async () => {
  ({ tenant, token } = await signedInTenant('Supportco'));
});

const {
  service: servicePath,
  support: supportPath,
  contact: contactPath,
} = supportPaths(() => tenant);

const isolatedContact = () => addContact(tenant, undefined, { supportScope: 'isolated' });

describe('PUT .../support-contacts/{contactId}', () => {
  it('assigns a contact: the service shows it, the contact lists the service, the audit records it', async () => {
    // Prepare
    const service = await addService(tenant, { type: 'hosting' });
    const { contactId, email } = await isolatedContact();

    // Act
    const response = await api('PUT', supportPath(service.id, contactId), { token });
    const again = await api('PUT', supportPath(service.id, contactId), { token });

    // Assess
    expect(response.status, response.text).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    expect(response.body).toMatchObject({
      id: service.id,
      support: 'assigned',
      supportContacts: [{ id: contactId, name: 'Plain Contact', email, supportScope: 'isolated' }],
      version: 2,
    });
    expect(again.status).toBe(200);
    expect(again.body.version).toBe(2);
    const contact = await api('GET', contactPath(contactId), { token });
    expect(contact.body.assignedServices).toEqual([{ id: service.id, type: 'hosting' }]);
    const audit = await api('GET', `/accounts/${tenant.accountId}/audit?limit=1`, { token });
    expect((audit.body.items as unknown[])[0]).toMatchObject({
      action: 'support.assigned',
      target: `service/${service.id}`,
      changes: { supportContacts: { before: [], after: [contactId] } },
    });
  });

  it('changes the support contact: assign another, reset the first', async () => {
    // Prepare
    const domain = await addService(tenant, { type: 'domain', label: 'change.example' });
    const [first, second] = await Promise.all([isolatedContact(), isolatedContact()]);
    await api('PUT', supportPath(domain.id, first.contactId, 'domains'), { token });

    // Act
    const assigned = await api('PUT', supportPath(domain.id, second.contactId, 'domains'), {
      token,
    });
    const reset = await api('DELETE', supportPath(domain.id, first.contactId, 'domains'), {
      token,
    });

    // Assess
    expect(assigned.status).toBe(200);
    expect((assigned.body.supportContacts as { id: string }[]).map((c) => c.id)).toEqual([
      first.contactId,
      second.contactId,
    ]);
    expect(reset.status).toBe(204);
    const shown = await api('GET', servicePath(domain.id, 'domains'), { token });
    expect(shown.body).toMatchObject({
      support: 'assigned',
      supportContacts: [{ id: second.contactId }],
    });
    const firstContact = await api('GET', contactPath(first.contactId), { token });
    expect(firstContact.body.assignedServices).toEqual([]);
  });

  it('resets to deactivated, and a second reset changes nothing', async () => {
    // Prepare
    const service = await addService(tenant, { type: 'vps' });
    const { contactId } = await isolatedContact();
    await api('PUT', supportPath(service.id, contactId), { token });

    // Act
    const reset = await api('DELETE', supportPath(service.id, contactId), { token });
    const again = await api('DELETE', supportPath(service.id, contactId), { token });

    // Assess
    expect([reset.status, again.status]).toEqual([204, 204]);
    const shown = await api('GET', servicePath(service.id), { token });
    expect(shown.body).toMatchObject({ support: 'deactivated', supportContacts: [], version: 3 });
  });

  it('refuses a contact with support scope none and says to set the scope first', async () => {
    // Prepare
    const service = await addService(tenant);
    const { contactId } = await addContact(tenant);

    // Act
    const response = await api('PUT', supportPath(service.id, contactId), { token });

    // Assess
    expect(response.status).toBe(409);
    expect(response.body.detail).toMatch(/support scope.*"isolated" or "global" first/);
    expect((await api('GET', servicePath(service.id), { token })).body.support).toBe('deactivated');
  });

  it('refuses a domain under /services and an unknown contact with 404', async () => {
    // Prepare
    const domain = await addService(tenant, { type: 'domain', label: 'wrong-path.example' });
    const service = await addService(tenant);
    const { contactId } = await isolatedContact();

    // Act
    const wrongListing = await api('PUT', supportPath(domain.id, contactId), { token });
    const noContact = await api('PUT', supportPath(service.id, 'no-such-contact'), { token });

    // Assess
    expect([wrongListing.status, noContact.status]).toEqual([404, 404]);
  });

  it('honours If-Match on the service version', async () => {
    // Prepare
    const service = await addService(tenant);
    const { contactId } = await isolatedContact();

    // Act
    const response = await api('PUT', supportPath(service.id, contactId), {
      token,
      headers: { 'if-match': '"7"' },
    });

    // Assess
    expect(response.status).toBe(412);
  });

  it(`caps one contact at ${MAX_ASSIGNED_SERVICES} services with a clear answer`, async () => {
    // Prepare
    const service = await addService(tenant);
    const { contactId } = await isolatedContact();
    const many = Array.from({ length: MAX_ASSIGNED_SERVICES }, (_, i) => ({
      id: `elsewhere-${i}`,
      type: 'hosting' as const,
      assignedAt: new Date().toISOString(),
    }));
    await tableStore.update(
      setAssignedServicesUpdate(
        { accountId: tenant.accountId, id: contactId, version: 1 },
        { assignedServices: many, updatedAt: new Date().toISOString(), requireSupportScope: true }
      )
    );

    // Act
    const response = await api('PUT', supportPath(service.id, contactId), { token });

    // Assess
    expect(response.status).toBe(409);
    expect(response.body.detail).toContain(`${MAX_ASSIGNED_SERVICES} services and domains`);
  });

  it('gives a sub-account without services:manage the explanatory 403', async () => {
    // Prepare
    const service = await addService(tenant);
    const { contactId } = await isolatedContact();
    const sub = await addSubAccountLogin(tenant, ['services']);
    const subToken = await accessTokenFor(sub.email);

    // Act
    const response = await api('PUT', supportPath(service.id, contactId), { token: subToken });

    // Assess
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({
      area: 'services:manage',
      allowedAreas: ['services'],
      grantedBy: { name: expect.stringContaining('Supportco') },
    });
  });
});
