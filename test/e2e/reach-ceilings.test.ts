/**
 * No login reaches more, directly or through the logins and contacts it
 * creates, than it holds itself: a sub-account cannot hand out a wider
 * support scope than its own, cannot give a login to a contact reaching
 * further than it does, cannot assign support where it does not reach, and
 * cannot strip, suspend, remove or delete a login holding more than it.
 * The primary login may do all of it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '#core/entities/service';
import type { Area } from '#core/rules/permissions';
import { useGateway } from '../support/gateway.ts';
import { addService, supportPaths } from '../support/services.ts';
import {
  accessTokenFor,
  addContact,
  addSubAccountLogin,
  firstSignIn,
  type SubAccountLogin,
  signedInTenant,
  type Tenant,
} from '../support/tenants.ts';

const { api } = useGateway();
let tenant: Tenant;
let token: string;
let reached: Service;
let unreached: Service;
let unreachedDomain: Service;

beforeAll(async () => {
  ({ tenant, token } = await signedInTenant('Reachco'));
  [reached, unreached, unreachedDomain] = await Promise.all([
    addService(tenant, { type: 'vps' }),
    addService(tenant, { type: 'hosting' }),
    addService(tenant, { type: 'domain' }),
  ]);
});

const paths = supportPaths(() => tenant);
const contactsPath = () => `/accounts/${tenant.accountId}/contacts`;
const subAccountPath = (contactId: string) => `${paths.contact(contactId)}/sub-account`;
const invoicesPath = () => `/accounts/${tenant.accountId}/invoices?limit=5`;
const holderName = () => expect.stringContaining(tenant.name.split(' ')[0] ?? '');

const newContact = (supportScope: 'none' | 'isolated' | 'global') => ({
  firstName: 'Proxy',
  lastName: 'Person',
  email: `proxy-${Math.random().toString(36).slice(2, 10)}@elsewhere.example`,
  phone: '+441632960321',
  address: { line1: '9 Reach Road', city: 'Leeds', postcode: 'LS1 3AB', country: 'GB' },
  supportScope,
});

/** A sub-account and its token. */
const signedInSub = async (
  permissions: Area[],
  support: Parameters<typeof addSubAccountLogin>[3] = { scope: 'none' }
): Promise<SubAccountLogin & { token: string }> => {
  const login = await addSubAccountLogin(tenant, permissions, 'active', support);
  return { ...login, token: await accessTokenFor(login.email) };
};

/** The contact as the primary sees it. */
const contactAsPrimary = async (contactId: string) =>
  (await api('GET', paths.contact(contactId), { token })).body;

describe('a proxy login cannot widen its creator’s support reach', () => {
  let creator: SubAccountLogin & { token: string };

  beforeAll(async () => {
    creator = await signedInSub(['contacts', 'tickets'], {
      scope: 'isolated',
      services: [reached],
    });
  });

  it('may not create a contact with the scope "global", and is told why and whom to ask', async () => {
    // Prepare
    const body = newContact('global');

    // Act
    const response = await api('POST', contactsPath(), { token: creator.token, body });
    const list = await api('GET', `${contactsPath()}?limit=100`, { token });

    // Assess
    expect(response.status, response.text).toBe(403);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      area: 'contacts',
      allowedAreas: ['contacts', 'tickets'],
      grantedBy: { name: holderName() },
    });
    expect(response.body.detail).toMatch(/support scope "global".*your own \("isolated"\)/);
    expect((list.body.items as { email: string }[]).map((item) => item.email)).not.toContain(
      body.email
    );
  });

  it('may create a contact with a scope up to its own', async () => {
    // Act
    const response = await api('POST', contactsPath(), {
      token: creator.token,
      body: newContact('isolated'),
    });

    // Assess
    expect(response.status, response.text).toBe(201);
  });

  it('may not PATCH an existing contact to the scope "global"', async () => {
    // Prepare
    const { contactId } = await addContact(tenant);

    // Act
    const response = await api('PATCH', paths.contact(contactId), {
      token: creator.token,
      body: { supportScope: 'global' },
    });

    // Assess
    expect(response.status, response.text).toBe(403);
    expect(response.body).toMatchObject({ area: 'contacts', grantedBy: { name: holderName() } });
    expect(await contactAsPrimary(contactId)).toMatchObject({ supportScope: 'none' });
  });

  it('may not activate a login with a password it chose for a global contact the primary made', async () => {
    // Prepare
    const { contactId, email } = await addContact(tenant, undefined, { supportScope: 'global' });

    // Act
    const response = await api('PUT', subAccountPath(contactId), {
      token: creator.token,
      body: { permissions: ['tickets'], password: 'Chosen-By-Proxy-2026!' },
    });

    // Assess
    expect(response.status, response.text).toBe(403);
    expect(response.body).toMatchObject({
      area: 'contacts',
      allowedAreas: ['contacts', 'tickets'],
      grantedBy: { name: holderName() },
    });
    expect(response.body.detail).toMatch(/"global" is wider than yours \("isolated"\)/);
    expect(await contactAsPrimary(contactId)).toMatchObject({ subAccount: null });
    await expect(firstSignIn(email, 'Chosen-By-Proxy-2026!', 'Taken-Over-2026!')).rejects.toThrow();
  });

  it('may not activate a login for an isolated contact supporting a service it does not reach', async () => {
    // Prepare
    const { contactId } = await addContact(tenant, undefined, { supportScope: 'isolated' });
    const assigned = await api('PUT', paths.support(unreached.id, contactId), { token });
    expect(assigned.status, assigned.text).toBe(200);

    // Act
    const response = await api('PUT', subAccountPath(contactId), {
      token: creator.token,
      body: { permissions: ['tickets'], password: 'Chosen-By-Proxy-2026!' },
    });

    // Assess
    expect(response.status, response.text).toBe(403);
    expect(response.body.detail).toMatch(/covers services yours does not/);
  });
});

describe('a sub-account assigns support only where it reaches itself', () => {
  let manager: SubAccountLogin & { token: string };

  beforeAll(async () => {
    manager = await signedInSub(
      ['contacts', 'services', 'services:manage', 'domains', 'domains:manage'],
      { scope: 'isolated', services: [reached] }
    );
  });

  it('may not assign a contact to a service or domain it does not reach', async () => {
    // Prepare
    const { contactId } = await addContact(tenant, undefined, { supportScope: 'isolated' });

    // Act
    const service = await api('PUT', paths.support(unreached.id, contactId), {
      token: manager.token,
    });
    const domain = await api('PUT', paths.support(unreachedDomain.id, contactId, 'domains'), {
      token: manager.token,
    });

    // Assess
    expect(service.status, service.text).toBe(403);
    expect(service.body).toMatchObject({
      area: 'services:manage',
      grantedBy: { name: holderName() },
    });
    expect(service.body.detail).toMatch(/does not include this service/);
    expect(domain.status, domain.text).toBe(403);
    expect(domain.body).toMatchObject({ area: 'domains:manage' });
    expect(await contactAsPrimary(contactId)).toMatchObject({ assignedServices: [] });
  });

  it('may assign a contact to a service it reaches', async () => {
    // Prepare
    const { contactId } = await addContact(tenant, undefined, { supportScope: 'isolated' });

    // Act
    const response = await api('PUT', paths.support(reached.id, contactId), {
      token: manager.token,
    });

    // Assess
    expect(response.status, response.text).toBe(200);
  });
});

describe('a lesser sub-account cannot act on a stronger login', () => {
  let weak: SubAccountLogin & { token: string };

  beforeAll(async () => {
    weak = await signedInSub(['contacts']);
  });

  /** A login with `invoices`, which `weak` lacks, and a check that it still works. */
  const stronger = async () => {
    const login = await signedInSub(['invoices']);
    const stillWorks = async () =>
      (await api('GET', invoicesPath(), { token: login.token })).status;
    expect(await stillWorks()).toBe(200);
    return { ...login, stillWorks };
  };

  const expectRefusedOverInvoices = (response: { status: number; text: string; body: object }) => {
    expect(response.status, response.text).toBe(403);
    expect(response.body).toMatchObject({
      area: 'invoices',
      allowedAreas: ['contacts'],
      grantedBy: { name: holderName() },
      detail: expect.stringMatching(/holds areas you do not \(invoices\)/),
    });
  };

  it('may not suspend it', async () => {
    // Prepare
    const target = await stronger();

    // Act
    const response = await api('PATCH', subAccountPath(target.contactId), {
      token: weak.token,
      body: { status: 'suspended' },
    });

    // Assess
    expectRefusedOverInvoices(response);
    expect(await target.stillWorks()).toBe(200);
  });

  it('may not remove it from the account', async () => {
    // Prepare
    const target = await stronger();

    // Act
    const response = await api('DELETE', subAccountPath(target.contactId), { token: weak.token });

    // Assess
    expectRefusedOverInvoices(response);
    expect(await target.stillWorks()).toBe(200);
  });

  it('may not strip its permissions', async () => {
    // Prepare
    const target = await stronger();

    // Act
    const response = await api('PUT', subAccountPath(target.contactId), {
      token: weak.token,
      body: { permissions: [] },
    });

    // Assess
    expectRefusedOverInvoices(response);
    expect(await target.stillWorks()).toBe(200);
    expect(await contactAsPrimary(target.contactId)).toMatchObject({
      subAccount: { status: 'active', permissions: ['invoices'] },
    });
  });

  it('may not delete its contact', async () => {
    // Prepare
    const target = await stronger();

    // Act
    const response = await api('DELETE', paths.contact(target.contactId), { token: weak.token });

    // Assess
    expectRefusedOverInvoices(response);
    expect(await target.stillWorks()).toBe(200);
  });

  it('may not suspend a login with the same areas that reaches more support', async () => {
    // Prepare
    const target = await signedInSub(['contacts'], { scope: 'global' });

    // Act
    const suspended = await api('PATCH', subAccountPath(target.contactId), {
      token: weak.token,
      body: { status: 'suspended' },
    });
    const narrowed = await api('PATCH', paths.contact(target.contactId), {
      token: weak.token,
      body: { supportScope: 'none' },
    });

    // Assess
    expect(suspended.status, suspended.text).toBe(403);
    expect(suspended.body).toMatchObject({ area: 'contacts', grantedBy: { name: holderName() } });
    expect(suspended.body.detail).toMatch(/"global" is wider than yours \("none"\)/);
    expect(narrowed.status, narrowed.text).toBe(403);
    expect(
      (await api('GET', contactsPath(), { token: target.token })).status,
      'the global login still works'
    ).toBe(200);
  });

  it('may suspend a login holding no more than itself', async () => {
    // Prepare
    const peer = await signedInSub(['contacts', 'invoices']);
    const target = await stronger();

    // Act
    const response = await api('PATCH', subAccountPath(target.contactId), {
      token: peer.token,
      body: { status: 'suspended' },
    });

    // Assess
    expect(response.status, response.text).toBe(200);
    expect(await target.stillWorks()).toBe(403);
  });
});

describe('the primary login may do all of it', () => {
  const stronger = async () => {
    const login = await signedInSub(['invoices'], { scope: 'global' });
    const stillWorks = async () =>
      (await api('GET', invoicesPath(), { token: login.token })).status;
    return { ...login, stillWorks };
  };

  it('creates a global contact, sets a contact to global and assigns it anywhere', async () => {
    // Prepare
    const { contactId } = await addContact(tenant);

    // Act
    const created = await api('POST', contactsPath(), { token, body: newContact('global') });
    const patched = await api('PATCH', paths.contact(contactId), {
      token,
      body: { supportScope: 'global' },
    });
    const assigned = await api('PUT', paths.support(unreached.id, contactId), { token });

    // Assess
    expect([created.status, patched.status, assigned.status]).toEqual([201, 200, 200]);
  });

  it('activates a login with a chosen password for a global contact', async () => {
    // Prepare
    const { contactId, email } = await addContact(tenant, undefined, { supportScope: 'global' });

    // Act
    const response = await api('PUT', subAccountPath(contactId), {
      token,
      body: { permissions: ['tickets'], password: 'Chosen-By-Owner-2026!' },
    });

    // Assess
    expect(response.status, response.text).toBe(200);
    await expect(
      firstSignIn(email, 'Chosen-By-Owner-2026!', 'Own-Choice-2026!')
    ).resolves.toBeTruthy();
  });

  it('suspends, strips, removes and deletes logins holding any areas and reach', async () => {
    // Prepare
    const [toSuspend, toStrip, toRemove, toDelete] = await Promise.all([
      stronger(),
      stronger(),
      stronger(),
      stronger(),
    ]);

    // Act
    const suspended = await api('PATCH', subAccountPath(toSuspend.contactId), {
      token,
      body: { status: 'suspended' },
    });
    const stripped = await api('PUT', subAccountPath(toStrip.contactId), {
      token,
      body: { permissions: [] },
    });
    const removed = await api('DELETE', subAccountPath(toRemove.contactId), { token });
    const deleted = await api('DELETE', paths.contact(toDelete.contactId), { token });

    // Assess
    expect([suspended.status, stripped.status, removed.status, deleted.status]).toEqual([
      200, 200, 204, 204,
    ]);
    expect(await toSuspend.stillWorks()).toBe(403);
    expect(await toStrip.stillWorks()).toBe(403);
    expect(await toRemove.stillWorks()).toBe(404);
    expect(await toDelete.stillWorks()).toBe(404);
  });
});
