/**
 * Support assignments follow the contact: its changes, its deletion and its
 * login keep the service snapshots and the membership mirror true.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useGateway } from '../support/gateway.ts';
import { eventually, waitForMail } from '../support/mailbox.ts';
import { addService, loginIdOf, membershipOf, supportPaths } from '../support/services.ts';
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
  ({ tenant, token } = await signedInTenant('Mirrorco'));
});

const {
  service: servicePath,
  support: supportPath,
  contact: contactPath,
} = supportPaths(() => tenant);

const isolatedContact = () => addContact(tenant, undefined, { supportScope: 'isolated' });

describe('support assignments follow the contact', () => {
  it('refreshes the name on the service and resets everything when the scope becomes none', async () => {
    // Prepare
    const [service, domain] = await Promise.all([
      addService(tenant),
      addService(tenant, { type: 'domain', label: 'follow.example' }),
    ]);
    const { contactId } = await isolatedContact();
    await api('PUT', supportPath(service.id, contactId), { token });
    await api('PUT', supportPath(domain.id, contactId, 'domains'), { token });

    // Act
    const renamed = await api('PATCH', contactPath(contactId), {
      token,
      body: { firstName: 'Renamed', supportScope: 'global' },
    });
    const shownRenamed = await api('GET', servicePath(service.id), { token });
    const scopeNone = await api('PATCH', contactPath(contactId), {
      token,
      body: { supportScope: 'none' },
    });

    // Assess
    expect(renamed.status).toBe(200);
    expect(shownRenamed.body.supportContacts).toEqual([
      expect.objectContaining({ name: 'Renamed Contact', supportScope: 'global' }),
    ]);
    expect(scopeNone.status).toBe(200);
    expect(scopeNone.body.assignedServices).toEqual([]);
    for (const path of [servicePath(service.id), servicePath(domain.id, 'domains')]) {
      expect((await api('GET', path, { token })).body.support).toBe('deactivated');
    }
  });

  it('mirrors scope and assigned services on the membership of a contact with a login', async () => {
    // Prepare
    const service = await addService(tenant);
    const sub = await addSubAccountLogin(tenant, ['tickets']);
    await api('PATCH', contactPath(sub.contactId), { token, body: { supportScope: 'isolated' } });
    const scoped = await membershipOf(tenant, sub.loginId);

    // Act
    await api('PUT', supportPath(service.id, sub.contactId), { token });
    const assigned = await membershipOf(tenant, sub.loginId);
    await api('DELETE', supportPath(service.id, sub.contactId), { token });
    const reset = await membershipOf(tenant, sub.loginId);

    // Assess
    expect(scoped).toMatchObject({ supportScope: 'isolated', supportServiceIds: [] });
    expect(assigned).toMatchObject({ supportScope: 'isolated', supportServiceIds: [service.id] });
    expect(reset).toMatchObject({ supportScope: 'isolated', supportServiceIds: [] });
  });

  it('copies scope and assigned services into the membership when the contact gets a login', async () => {
    // Prepare
    const service = await addService(tenant);
    const { contactId } = await isolatedContact();
    await api('PUT', supportPath(service.id, contactId), { token });

    // Act
    const activated = await api('PUT', `${contactPath(contactId)}/sub-account`, {
      token,
      body: { permissions: ['tickets'], password: 'Support-Pass-2026!' },
    });

    // Assess
    expect(activated.status, activated.text).toBe(200);
    const loginId = await loginIdOf(tenant, contactId);
    expect(await membershipOf(tenant, loginId)).toMatchObject({
      supportScope: 'isolated',
      supportServiceIds: [service.id],
    });
  });

  it('shows a contact login’s new email on the service once it is confirmed', async () => {
    // Prepare
    const service = await addService(tenant);
    const sub = await addSubAccountLogin(tenant, ['tickets', 'contacts']);
    const subToken = await accessTokenFor(sub.email);
    await api('PATCH', contactPath(sub.contactId), { token, body: { supportScope: 'global' } });
    await api('PUT', supportPath(service.id, sub.contactId), { token });
    const newEmail = `support-${sub.loginId.slice(0, 8)}@elsewhere.example`;

    // Act: only the login changes its own email, from its own profile.
    await api('POST', '/me/email-change', { token: subToken, body: { email: newEmail } });
    const pending = await api('GET', servicePath(service.id), { token });
    const codeMail = await waitForMail(newEmail, 'Confirm your new login email');
    const code = /code is (\d{6})/.exec(codeMail.body.text ?? '')?.[1] ?? '';
    const confirmed = await api('POST', '/me/email-verification', {
      token: subToken,
      body: { code },
    });

    // Assess
    expect(pending.body.supportContacts).toEqual([expect.objectContaining({ email: sub.email })]);
    expect(confirmed.status).toBe(200);
    await eventually(async () => {
      const shown = await api('GET', servicePath(service.id), { token });
      expect(shown.body.supportContacts).toEqual([expect.objectContaining({ email: newEmail })]);
    });
  });

  it('refreshes the primary’s snapshot when My Details change', async () => {
    // Prepare
    const service = await addService(tenant);
    await api('PUT', supportPath(service.id, tenant.primaryContactId), { token });

    // Act
    const changed = await api('PATCH', `/accounts/${tenant.accountId}`, {
      token,
      body: { lastName: 'Holder' },
    });

    // Assess
    expect(changed.status).toBe(200);
    const shown = await api('GET', servicePath(service.id), { token });
    expect(shown.body.supportContacts).toEqual([
      expect.objectContaining({ id: tenant.primaryContactId, name: 'Mirrorco Holder' }),
    ]);
  });
});
