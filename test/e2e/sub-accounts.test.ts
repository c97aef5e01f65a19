import { ChangePasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { beforeAll, describe, expect, it } from 'vitest';
import { useGateway } from '../support/gateway.ts';
import { waitForMail } from '../support/mailbox.ts';
import { problemType } from '../support/problems.ts';
import {
  accessTokenFor,
  addContact,
  addSubAccountLogin,
  cognito,
  createTenant,
  firstSignIn,
  signedInTenant,
  type Tenant,
  temporaryPasswordIn,
} from '../support/tenants.ts';

const { api } = useGateway();

let tenant: Tenant;
let token: string;

beforeAll(async () => {
  ({ tenant, token } = await signedInTenant('Subco'));
});

const subAccountPath = (contactId: string) =>
  `/accounts/${tenant.accountId}/contacts/${contactId}/sub-account`;

describe('PUT .../sub-account', () => {
  it('activates a login with the granter’s password, opening nothing until its owner accepts', async () => {
    // Prepare
    const { contactId, email } = await addContact(tenant);

    // Act
    const response = await api('PUT', subAccountPath(contactId), {
      token,
      body: { permissions: ['invoices', 'profile'], password: 'Granted-Pass-2026!' },
    });
    const subToken = await firstSignIn(email, 'Granted-Pass-2026!', 'My-Own-Pass-2026!');
    const before = await api('GET', '/me', { token: subToken });
    const whileInvited = await api('GET', `/accounts/${tenant.accountId}`, { token: subToken });
    const accepted = await api('POST', `/me/invitations/${tenant.accountId}`, { token: subToken });
    const after = await api('GET', '/me', { token: subToken });
    const contact = await api('GET', `/accounts/${tenant.accountId}/contacts/${contactId}`, {
      token,
    });

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      subAccount: { status: 'invited', permissions: ['profile', 'invoices'] },
    });
    expect(response.body).not.toHaveProperty('linkedExistingLogin');
    expect(before.body.accounts).toEqual([]);
    expect(before.body.invitations).toEqual([
      expect.objectContaining({ accountId: tenant.accountId, role: 'sub-account' }),
    ]);
    expect(whileInvited.status).toBe(404);
    expect(accepted.status).toBe(200);
    expect(after.body.invitations).toEqual([]);
    expect(after.body.accounts).toEqual([
      expect.objectContaining({
        accountId: tenant.accountId,
        role: 'sub-account',
        permissions: ['profile', 'invoices'],
        contactId,
        supportScope: 'none',
        assignedServiceIds: [],
      }),
    ]);
    expect(contact.body.subAccount).toEqual({
      status: 'active',
      permissions: ['profile', 'invoices'],
    });
    expect(
      (await api('GET', `/accounts/${tenant.accountId}/contacts`, { token: subToken })).status
    ).toBe(403);
  });

  it('invites by email with a temporary password that must be changed', async () => {
    // Prepare
    const { contactId, email } = await addContact(tenant);

    // Act
    const response = await api('PUT', subAccountPath(contactId), {
      token,
      body: { preset: 'full', invite: true },
    });
    const invitation = await waitForMail(email, 'Your login to a client area');
    const temporary = temporaryPasswordIn(invitation.body.text);

    // Assess
    expect(response.status).toBe(200);
    expect((response.body.subAccount as { permissions: string[] }).permissions).toHaveLength(10);
    expect(invitation.body.text).toContain(`Account: \u201c${tenant.name}\u201d`);
    await expect(firstSignIn(email, temporary, 'Invited-Pass-2026!')).resolves.toBeTruthy();
  });

  it('checks a chosen password against the pool policy and names the field', async () => {
    // Prepare
    const { contactId } = await addContact(tenant);

    // Act
    const response = await api('PUT', subAccountPath(contactId), {
      token,
      body: { permissions: ['invoices'], password: 'weak' },
    });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'password' })]);
  });

  it('invites the login a person already has without linking it, and answers as for a new one', async () => {
    // Prepare
    const elsewhere = await createTenant('Agency');
    const existing = await addSubAccountLogin(elsewhere, ['profile']);
    const [known, fresh] = await Promise.all([
      addContact(tenant, existing.email),
      addContact(tenant),
    ]);
    const body = { permissions: ['profile'], password: 'Ignored-Pass-2026!' };

    // Act
    const [linked, created] = await Promise.all([
      api('PUT', subAccountPath(known.contactId), { token, body }),
      api('PUT', subAccountPath(fresh.contactId), { token, body }),
    ]);
    const existingToken = await accessTokenFor(existing.email);
    const before = await api('GET', '/me', { token: existingToken });
    const whileInvited = await api('GET', `/accounts/${tenant.accountId}`, {
      token: existingToken,
    });
    const notice = await waitForMail(existing.email, 'An invitation to another client area');
    await api('POST', `/me/invitations/${tenant.accountId}`, { token: existingToken });
    const after = await api('GET', '/me', { token: existingToken });

    // Assess
    expect(linked.status).toBe(created.status);
    expect(Object.keys(linked.body).sort()).toEqual(Object.keys(created.body).sort());
    expect(linked.body.subAccount).toEqual(created.body.subAccount);
    // The granter's password never reaches a login that already existed.
    await expect(accessTokenFor(existing.email, 'Ignored-Pass-2026!')).rejects.toThrow();
    expect(notice.body.text).not.toContain('temporary password');
    expect((before.body.accounts as { accountId: string }[]).map((a) => a.accountId)).toEqual([
      elsewhere.accountId,
    ]);
    expect(whileInvited.status).toBe(404);
    expect(
      (after.body.accounts as { accountId: string }[]).map((account) => account.accountId).sort()
    ).toEqual([tenant.accountId, elsewhere.accountId].sort());
  });

  it('lets the invited person decline: the contact stays, without a login', async () => {
    // Prepare
    const elsewhere = await createTenant('Declined');
    const existing = await addSubAccountLogin(elsewhere, ['profile']);
    const { contactId } = await addContact(tenant, existing.email);
    await api('PUT', subAccountPath(contactId), {
      token,
      body: { permissions: ['profile'], invite: true },
    });
    const existingToken = await accessTokenFor(existing.email);

    // Act
    const declined = await api('DELETE', `/me/invitations/${tenant.accountId}`, {
      token: existingToken,
    });
    const again = await api('POST', `/me/invitations/${tenant.accountId}`, {
      token: existingToken,
    });
    const contact = await api('GET', `/accounts/${tenant.accountId}/contacts/${contactId}`, {
      token,
    });

    // Assess
    expect(declined.status).toBe(204);
    expect(again.status).toBe(404);
    expect(contact.body.subAccount).toBeNull();
  });

  it('lets nobody resume an invitation the person has not accepted', async () => {
    // Prepare
    const { contactId } = await addContact(tenant);
    await api('PUT', subAccountPath(contactId), {
      token,
      body: { permissions: ['profile'], password: 'Granted-Pass-2026!' },
    });

    // Act
    const resumed = await api('PATCH', subAccountPath(contactId), {
      token,
      body: { status: 'active' },
    });

    // Assess
    expect(resumed.status).toBe(409);
    expect(resumed.body.type).toBe(problemType('invitationPending'));
  });

  it('has no sub-account to suspend on a contact without a login', async () => {
    // Prepare
    const { contactId } = await addContact(tenant);

    // Act
    const suspended = await api('PATCH', subAccountPath(contactId), {
      token,
      body: { status: 'suspended' },
    });

    // Assess
    expect(suspended.status).toBe(409);
    expect(suspended.body.type).toBe(problemType('noSubAccount'));
  });
});

describe('permission rules', () => {
  it('lets nobody grant an area they do not hold', async () => {
    // Prepare
    const manager = await addSubAccountLogin(tenant, ['contacts', 'profile']);
    const managerToken = await accessTokenFor(manager.email);
    const { contactId } = await addContact(tenant);

    // Act
    const response = await api('PUT', subAccountPath(contactId), {
      token: managerToken,
      body: { permissions: ['invoices'], password: 'Granted-Pass-2026!' },
    });

    // Assess
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({
      type: problemType('grantBeyondOwn'),
      area: 'invoices',
      allowedAreas: ['profile', 'contacts'],
    });
  });

  it('lets no sub-account change its own permissions', async () => {
    // Prepare
    const manager = await addSubAccountLogin(tenant, ['contacts']);
    const managerToken = await accessTokenFor(manager.email);

    // Act
    const response = await api('PUT', subAccountPath(manager.contactId), {
      token: managerToken,
      body: { permissions: ['contacts'] },
    });

    // Assess
    expect(response.status).toBe(403);
    expect(response.body.type).toBe(problemType('selfChangeRefused'));
  });

  it('keeps the primary’s login out of reach', async () => {
    // Act
    const response = await api('PUT', subAccountPath(tenant.primaryContactId), {
      token,
      body: { permissions: ['invoices'] },
    });

    // Assess
    expect(response.status).toBe(409);
    expect(response.body.type).toBe(problemType('primaryContactProtected'));
  });

  it('suspends on the very next request and resumes, each step audited', async () => {
    // Prepare
    const sub = await addSubAccountLogin(tenant, ['profile']);
    const subToken = await accessTokenFor(sub.email);

    // Act
    const suspended = await api('PATCH', subAccountPath(sub.contactId), {
      token,
      body: { status: 'suspended' },
    });
    const whileSuspended = await api('GET', `/accounts/${tenant.accountId}`, { token: subToken });
    await api('PATCH', subAccountPath(sub.contactId), { token, body: { status: 'active' } });
    const afterResume = await api('GET', `/accounts/${tenant.accountId}`, { token: subToken });
    const audit = await api('GET', `/accounts/${tenant.accountId}/audit?limit=2`, { token });

    // Assess
    expect(suspended.body).toMatchObject({ subAccount: { status: 'suspended' } });
    expect(whileSuspended.status).toBe(403);
    expect(whileSuspended.body.type).toBe(problemType('loginSuspended'));
    expect(afterResume.status).toBe(200);
    expect((audit.body.items as { action: string }[]).map((entry) => entry.action)).toEqual([
      'sub-account.resumed',
      'sub-account.suspended',
    ]);
  });

  it('refuses a password for a contact that already has a login, and says how passwords change', async () => {
    // Prepare
    const sub = await addSubAccountLogin(tenant, ['profile']);

    // Act
    const response = await api('PUT', subAccountPath(sub.contactId), {
      token,
      body: { permissions: ['profile'], password: 'Another-Pass-2026!' },
    });

    // Assess
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      type: problemType('existingLoginPassword'),
      field: 'password',
    });
    expect(response.body.detail).toContain('forgot password');
    await expect(accessTokenFor(sub.email)).resolves.toBeTruthy();
  });

  it('answers 204 to removing a sub-account twice, as a retry would', async () => {
    // Prepare
    const sub = await addSubAccountLogin(tenant, ['profile']);

    // Act
    const first = await api('DELETE', subAccountPath(sub.contactId), { token });
    const second = await api('DELETE', subAccountPath(sub.contactId), { token });

    // Assess
    expect([first.status, second.status]).toEqual([204, 204]);
  });

  it('removes the login from the account but keeps the contact', async () => {
    // Prepare
    const sub = await addSubAccountLogin(tenant, ['profile']);
    const subToken = await accessTokenFor(sub.email);

    // Act
    const removal = await api('DELETE', subAccountPath(sub.contactId), { token });

    // Assess
    expect(removal.status).toBe(204);
    expect((await api('GET', `/accounts/${tenant.accountId}`, { token: subToken })).status).toBe(
      404
    );
    const contact = await api('GET', `/accounts/${tenant.accountId}/contacts/${sub.contactId}`, {
      token,
    });
    expect(contact.body).toMatchObject({ subAccount: null });
  });
});

describe('passwords', () => {
  it('suggests a password the pool accepts, never cached', async () => {
    // Act
    const response = await api('GET', '/password-suggestion', { token });

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(String(response.body.password)).toMatch(
      /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)(?=.*[^A-Za-z0-9]).{16,}$/
    );
  });

  it('changes a password through Cognito with the login’s own access token', async () => {
    // Prepare
    const sub = await addSubAccountLogin(tenant, ['profile']);
    const subToken = await accessTokenFor(sub.email);

    // Act
    await cognito().send(
      new ChangePasswordCommand({
        AccessToken: subToken,
        PreviousPassword: 'Test-Password-2026!',
        ProposedPassword: 'Changed-Pass-2026!',
      })
    );

    // Assess
    await expect(accessTokenFor(sub.email, 'Changed-Pass-2026!')).resolves.toBeTruthy();
    await expect(accessTokenFor(sub.email)).rejects.toThrow();
  });
});
