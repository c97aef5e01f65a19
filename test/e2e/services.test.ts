import { beforeAll, describe, expect, it } from 'vitest';
import { useGateway } from '../support/gateway.ts';
import { readPages } from '../support/http.ts';
import { addService } from '../support/services.ts';
import {
  accessTokenFor,
  addSubAccountLogin,
  createTenant,
  signedInTenant,
  type Tenant,
} from '../support/tenants.ts';

const { api } = useGateway();

let tenant: Tenant;
let token: string;

beforeAll(async () => {
  ({ tenant, token } = await signedInTenant('Serviceco'));
});

/** Every item of a listing, following the cursor `limit` at a time. */
const readAll = async (path: string, limit: number, as = token) => {
  const pages = await readPages<{ label: string }>(
    (andCursor) => api('GET', `${path}?limit=${limit}${andCursor}`, { token: as }),
    10
  );
  return { labels: pages.flat().map((item) => item.label), pages: pages.length };
};

describe('GET /accounts/{accountId}/services and /domains', () => {
  it('lists services and domains apart, by label, page by page', async () => {
    // Prepare
    const listed = await createTenant('Lister');
    const listedToken = await accessTokenFor(listed.email);
    await Promise.all([
      addService(listed, { type: 'vps', label: 'Charlie VPS' }),
      addService(listed, { type: 'hosting', label: 'alpha hosting' }),
      addService(listed, { type: 'voip', label: 'Bravo VoIP' }),
      addService(listed, { type: 'domain', label: 'example.net' }),
    ]);

    // Act
    const services = await readAll(`/accounts/${listed.accountId}/services`, 2, listedToken);
    const domains = await readAll(`/accounts/${listed.accountId}/domains`, 2, listedToken);

    // Assess
    expect(services.labels).toEqual(['alpha hosting', 'Bravo VoIP', 'Charlie VPS']);
    expect(services.pages).toBe(2);
    expect(domains.labels).toEqual(['example.net']);
  });

  it('refuses a cursor of another listing', async () => {
    // Prepare
    await Promise.all([addService(tenant), addService(tenant)]);
    const first = await api('GET', `/accounts/${tenant.accountId}/services?limit=1`, { token });

    // Act
    const response = await api(
      'GET',
      `/accounts/${tenant.accountId}/domains?cursor=${first.body.cursor}`,
      { token }
    );

    // Assess
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('GET /accounts/{accountId}/services/{serviceId}', () => {
  it('shows a service with no support contact as deactivated, with its ETag', async () => {
    // Prepare
    const service = await addService(tenant, { type: 'vps', server: 'vps-7.portico.example' });

    // Act
    const response = await api('GET', `/accounts/${tenant.accountId}/services/${service.id}`, {
      token,
    });

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.body).toEqual({
      id: service.id,
      type: 'vps',
      label: service.label,
      status: 'active',
      contractNumber: tenant.contractNumber.toUpperCase(),
      server: 'vps-7.portico.example',
      supportContacts: [],
      support: 'deactivated',
      version: 1,
    });
  });

  it('finds a service only under /services and a domain only under /domains', async () => {
    // Prepare
    const [service, domain] = await Promise.all([
      addService(tenant),
      addService(tenant, { type: 'domain', label: 'portico-test.example' }),
    ]);
    const base = `/accounts/${tenant.accountId}`;

    // Act
    const statuses = await Promise.all(
      [
        `${base}/services/${service.id}`,
        `${base}/domains/${domain.id}`,
        `${base}/domains/${service.id}`,
        `${base}/services/${domain.id}`,
        `${base}/services/no-such-service`,
      ].map(async (path) => (await api('GET', path, { token })).status)
    );

    // Assess
    expect(statuses).toEqual([200, 200, 404, 404, 404]);
  });

  it('hides another account’s service behind the same 404', async () => {
    // Prepare
    const other = await createTenant('Otherservices');
    const service = await addService(other);

    // Act
    const response = await api('GET', `/accounts/${tenant.accountId}/services/${service.id}`, {
      token,
    });

    // Assess
    expect(response.status).toBe(404);
  });

  it('lets a sub-account with `services` read services but not domains', async () => {
    // Prepare
    const sub = await addSubAccountLogin(tenant, ['services']);
    const subToken = await accessTokenFor(sub.email);

    // Act
    const services = await api('GET', `/accounts/${tenant.accountId}/services`, {
      token: subToken,
    });
    const domains = await api('GET', `/accounts/${tenant.accountId}/domains`, { token: subToken });

    // Assess
    expect(services.status).toBe(200);
    expect(domains.status).toBe(403);
    expect(domains.body).toMatchObject({ area: 'domains', allowedAreas: ['services'] });
  });
});
