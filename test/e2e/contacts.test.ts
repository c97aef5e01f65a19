import { beforeAll, describe, expect, it } from 'vitest';
import { useGateway } from '../support/gateway.ts';
import { readPages } from '../support/http.ts';
import { problemType } from '../support/problems.ts';
import { addService } from '../support/services.ts';
import {
  accessTokenFor,
  addContact,
  addSubAccountLogin,
  createTenant,
  signedInTenant,
  type Tenant,
} from '../support/tenants.ts';

const { api } = useGateway();

const newContact = (overrides: Record<string, unknown> = {}) => ({
  firstName: 'Jamie',
  lastName: 'Rivera',
  email: 'jamie@elsewhere.example',
  phone: '+441632960321',
  address: { line1: '9 Side Street', city: 'York', postcode: 'YO1 7HH', country: 'GB' },
  ...overrides,
});

describe('POST /accounts/{accountId}/contacts', () => {
  let tenant: Tenant;
  let token: string;

  beforeAll(async () => {
    tenant = await createTenant('Contactco');
    token = await accessTokenFor(tenant.email);
  });

  it('creates a contact: 201, Location, ETag and sensible defaults', async () => {
    // Act
    const response = await api('POST', `/accounts/${tenant.accountId}/contacts`, {
      token,
      body: newContact(),
    });

    // Assess
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(
      `/accounts/${tenant.accountId}/contacts/${response.body.id}`
    );
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.body).toMatchObject({
      kind: 'individual',
      email: 'jamie@elsewhere.example',
      supportScope: 'none',
      subAccount: null,
      isPrimary: false,
      language: 'en',
      emailPreferences: {
        general: true,
        product: false,
        domain: false,
        invoice: false,
        support: false,
      },
      warnings: [],
    });
    const fetched = await api('GET', response.headers.get('location') ?? '', { token });
    expect(fetched.status).toBe(200);
    expect(fetched.body.email).toBe('jamie@elsewhere.example');
  });

  it('warns, without refusing, when every contact email is on a domain hosted with us', async () => {
    // Prepare
    const hosted = await createTenant('Hosted', { hostedDomains: ['hosted.example'] });
    const hostedToken = await accessTokenFor(hosted.email);

    // Act
    const response = await api('POST', `/accounts/${hosted.accountId}/contacts`, {
      token: hostedToken,
      body: newContact({ email: 'ops@hosted.example' }),
    });

    // Assess
    expect(response.status).toBe(201);
    expect(response.body.warnings).toEqual([
      expect.objectContaining({ code: 'no-external-email' }),
    ]);
  });

  it('needs a company name for an organisation and names the field', async () => {
    // Act
    const response = await api('POST', `/accounts/${tenant.accountId}/contacts`, {
      token,
      body: newContact({ kind: 'organisation' }),
    });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({ field: 'companyName', code: 'required' }),
    ]);
  });

  it('names the values an enum field takes, with a code to localise from', async () => {
    // Act
    const response = await api('POST', `/accounts/${tenant.accountId}/contacts`, {
      token,
      body: newContact({ kind: 'company', supportScope: 'everything' }),
    });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.type).toBe(problemType('validationFailed'));
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'kind',
          code: 'not_allowed',
          allowed: ['individual', 'organisation'],
        }),
        expect.objectContaining({
          field: 'supportScope',
          code: 'not_allowed',
          allowed: ['none', 'isolated', 'global'],
        }),
      ])
    );
  });

  it('refuses fields a client must never set', async () => {
    // Act
    const response = await api('POST', `/accounts/${tenant.accountId}/contacts`, {
      token,
      body: newContact({
        isPrimary: true,
        subAccount: { status: 'active', permissions: ['invoices'] },
      }),
    });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'isPrimary', code: 'unknown_field' }),
        expect.objectContaining({ field: 'subAccount', code: 'unknown_field' }),
      ])
    );
  });
});

describe('GET /accounts/{accountId}/contacts', () => {
  it('pages through every contact, the primary included, with a cursor', async () => {
    // Prepare
    const tenant = await createTenant('Pager');
    const token = await accessTokenFor(tenant.email);
    await Promise.all([addContact(tenant), addContact(tenant), addContact(tenant)]);

    // Act
    const pages = await readPages<{ id: string }>(
      (andCursor) =>
        api('GET', `/accounts/${tenant.accountId}/contacts?limit=2${andCursor}`, { token }),
      10
    );
    const seen = pages.flat().map((item) => item.id);

    // Assess
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
    expect(seen).toContain(tenant.primaryContactId);
  });
});

describe('PATCH /accounts/{accountId}/contacts/{contactId}', () => {
  it('changes the fields sent, merges email preferences and moves the version', async () => {
    // Prepare
    const tenant = await createTenant('Patcher');
    const token = await accessTokenFor(tenant.email);
    const { contactId } = await addContact(tenant);

    // Act
    const response = await api('PATCH', `/accounts/${tenant.accountId}/contacts/${contactId}`, {
      token,
      headers: { 'if-match': '"1"' },
      body: {
        supportScope: 'global',
        emailPreferences: { invoice: false },
        email: 'new@elsewhere.example',
      },
    });
    const stale = await api('PATCH', `/accounts/${tenant.accountId}/contacts/${contactId}`, {
      token,
      headers: { 'if-match': '"1"' },
      body: { firstName: 'Late' },
    });

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      version: 2,
      supportScope: 'global',
      email: 'new@elsewhere.example',
      emailPreferences: { general: true, invoice: false, support: true },
    });
    expect(stale.status).toBe(412);
    expect(stale.body.type).toBe(problemType('staleVersion'));
  });

  it('sends the primary contact to My Details and refuses to delete it', async () => {
    // Prepare
    const tenant = await createTenant('Primaryguard');
    const token = await accessTokenFor(tenant.email);
    const path = `/accounts/${tenant.accountId}/contacts/${tenant.primaryContactId}`;

    // Act
    const patch = await api('PATCH', path, { token, body: { firstName: 'Nope' } });
    const removal = await api('DELETE', path, { token });

    // Assess
    expect(patch.status).toBe(409);
    expect(removal.status).toBe(409);
    expect([patch.body.type, removal.body.type]).toEqual([
      problemType('primaryContactProtected'),
      problemType('primaryContactProtected'),
    ]);
    expect((await api('GET', path, { token })).status).toBe(200);
  });

  it('sends a sub-account that re-addresses its own contact to its own profile, changing nothing', async () => {
    // Prepare
    const tenant = await createTenant('Subemail');
    const sub = await addSubAccountLogin(tenant, ['profile', 'contacts']);
    const token = await accessTokenFor(sub.email);
    const path = `/accounts/${tenant.accountId}/contacts/${sub.contactId}`;

    // Act
    const requested = await api('PATCH', path, {
      token,
      body: { email: `moved-${sub.loginId.slice(0, 8)}@elsewhere.example` },
    });
    const after = await api('GET', path, { token });

    // Assess
    expect(requested.status).toBe(409);
    expect(requested.body.type).toBe(problemType('ownLoginEmail'));
    expect(requested.body.detail).toContain('/me/email-change');
    expect(after.body).toMatchObject({ email: sub.email });
    expect(after.body.pendingEmail).toBeUndefined();
  });
});

describe('DELETE /accounts/{accountId}/contacts/{contactId}', () => {
  it('removes the contact, its login’s access on the very next request and its support assignments', async () => {
    // Prepare
    const tenant = await createTenant('Remover');
    const token = await accessTokenFor(tenant.email);
    const sub = await addSubAccountLogin(tenant, ['profile', 'contacts']);
    const subToken = await accessTokenFor(sub.email);
    expect((await api('GET', `/accounts/${tenant.accountId}`, { token: subToken })).status).toBe(
      200
    );
    const service = await addService(tenant);
    const servicePath = `/accounts/${tenant.accountId}/services/${service.id}`;
    await api('PATCH', `/accounts/${tenant.accountId}/contacts/${sub.contactId}`, {
      token,
      body: { supportScope: 'isolated' },
    });
    const assigned = await api('PUT', `${servicePath}/support-contacts/${sub.contactId}`, {
      token,
    });
    expect(assigned.body.support).toBe('assigned');

    // Act
    const removal = await api('DELETE', `/accounts/${tenant.accountId}/contacts/${sub.contactId}`, {
      token,
    });

    // Assess
    expect(removal.status).toBe(204);
    expect((await api('GET', `/accounts/${tenant.accountId}`, { token: subToken })).status).toBe(
      404
    );
    expect(
      (await api('GET', `/accounts/${tenant.accountId}/contacts/${sub.contactId}`, { token }))
        .status
    ).toBe(404);
    const audit = await api('GET', `/accounts/${tenant.accountId}/audit`, { token });
    expect((audit.body.items as { action: string }[])[0]).toMatchObject({
      action: 'contact.deleted',
      target: `contact/${sub.contactId}`,
    });
    const shown = await api('GET', servicePath, { token });
    expect(shown.body).toMatchObject({ support: 'deactivated', supportContacts: [] });
  });
});

describe('one contact per email address in an account', () => {
  it('refuses a second contact with the same address, naming the first, until it is gone', async () => {
    // Prepare
    const { tenant, token } = await signedInTenant('Uniquemail');
    const path = `/accounts/${tenant.accountId}/contacts`;
    const person = {
      firstName: 'Una',
      lastName: 'Que',
      email: 'una.que@elsewhere.example',
      phone: '+441632960321',
      address: { line1: '1 One Way', city: 'Leeds', postcode: 'LS1 3AA', country: 'GB' },
    };
    const first = await api('POST', path, { token, body: person });

    // Act
    const second = await api('POST', path, {
      token,
      body: { ...person, email: 'Una.Que@Elsewhere.example' },
    });
    const other = await api('POST', path, {
      token,
      body: { ...person, email: 'other.que@elsewhere.example' },
    });
    const moved = await api('PATCH', `${path}/${other.body.id}`, {
      token,
      body: { email: 'UNA.QUE@elsewhere.example' },
    });
    await api('DELETE', `${path}/${first.body.id}`, { token });
    const afterDelete = await api('PATCH', `${path}/${other.body.id}`, {
      token,
      body: { email: 'una.que@elsewhere.example' },
    });

    // Assess
    expect(first.status).toBe(201);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({
      type: problemType('contactEmailTaken'),
      field: 'email',
      existingContactId: first.body.id,
    });
    expect(moved.status).toBe(409);
    expect(moved.body.type).toBe(problemType('contactEmailTaken'));
    expect(afterDelete.status).toBe(200);
    expect(afterDelete.body.email).toBe('una.que@elsewhere.example');
  });
});

describe('/accounts/{accountId}/my-contact', () => {
  it('lets a login read and change its own details without the contacts area, and nothing more', async () => {
    // Prepare
    const { tenant, token } = await signedInTenant('Selfdetails');
    const sub = await addSubAccountLogin(tenant, ['invoices']);
    const subToken = await accessTokenFor(sub.email);
    const path = `/accounts/${tenant.accountId}/my-contact`;

    // Act
    const read = await api('GET', path, { token: subToken });
    const changed = await api('PATCH', path, {
      token: subToken,
      body: {
        firstName: 'Selma',
        lastName: 'Self',
        phone: '+441632960777',
        address: { line1: '9 New Street', city: 'York', postcode: 'YO1 7HH', country: 'GB' },
        emailPreferences: { invoice: true },
      },
    });
    const widened = await api('PATCH', path, {
      token: subToken,
      body: { supportScope: 'global' },
    });
    const escalated = await api('PATCH', path, {
      token: subToken,
      body: { permissions: ['contacts', 'invoices'] },
    });
    const readdressed = await api('PATCH', path, {
      token: subToken,
      body: { email: 'elsewhere@selfdetails.example' },
    });
    const others = await api('GET', `/accounts/${tenant.accountId}/contacts`, { token: subToken });
    const primary = await api('PATCH', path, { token, body: { phone: '+441632960778' } });

    // Assess
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: sub.contactId, email: sub.email });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      firstName: 'Selma',
      lastName: 'Self',
      phone: '+441632960777',
      address: { line1: '9 New Street', city: 'York', postcode: 'YO1 7HH', country: 'GB' },
      emailPreferences: { invoice: true },
    });
    expect([widened.status, readdressed.status, escalated.status]).toEqual([400, 400, 400]);
    expect(escalated.body.errors).toContainEqual(
      expect.objectContaining({ field: 'permissions', code: 'unknown_field' })
    );
    const membership = await api('GET', '/me', { token: subToken });
    expect(membership.body.accounts).toEqual([
      expect.objectContaining({ accountId: tenant.accountId, permissions: ['invoices'] }),
    ]);
    expect(others.status).toBe(403);
    expect(others.body.type).toBe(problemType('areaNotGranted'));
    expect(primary.status).toBe(409);
    expect(primary.body.type).toBe(problemType('primaryContactProtected'));
  });

  it('keeps the language of a contact’s mail, set by whoever may change the contact', async () => {
    // Prepare
    const { tenant, token } = await signedInTenant('Languages');
    const sub = await addSubAccountLogin(tenant, ['invoices']);
    const subToken = await accessTokenFor(sub.email);
    const contacts = `/accounts/${tenant.accountId}/contacts`;

    // Act
    const spanish = await api('POST', contacts, {
      token,
      body: newContact({ email: 'ana@languages.example', language: 'es' }),
    });
    const unknown = await api('POST', contacts, {
      token,
      body: newContact({ email: 'jo@languages.example', language: 'fr' }),
    });
    const ownChange = await api('PATCH', `/accounts/${tenant.accountId}/my-contact`, {
      token: subToken,
      body: { language: 'es' },
    });
    const myDetails = await api('PATCH', `/accounts/${tenant.accountId}`, {
      token,
      body: { language: 'es' },
    });
    const audit = await api('GET', `/accounts/${tenant.accountId}/audit`, { token });

    // Assess
    expect(spanish.status).toBe(201);
    expect(spanish.body.language).toBe('es');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toContainEqual(expect.objectContaining({ field: 'language' }));
    expect(ownChange.status).toBe(200);
    expect(ownChange.body.language).toBe('es');
    expect(myDetails.status).toBe(200);
    expect(myDetails.body.primaryContact).toMatchObject({ language: 'es' });
    const entries = audit.body.items as { changes?: Record<string, unknown> }[];
    const languageChanges = entries.filter((entry) => entry.changes?.language);
    expect(languageChanges.length).toBeGreaterThanOrEqual(2);
  });
});
