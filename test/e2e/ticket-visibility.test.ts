/**
 * Who sees which ticket. One account with two services and a login of each
 * kind; each case is asked through the gateway with that login's token.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '#core/entities/service';
import { useGateway } from '../support/gateway.ts';
import { readPages } from '../support/http.ts';
import { problemType } from '../support/problems.ts';
import { addService, supportPaths } from '../support/services.ts';
import {
  accessTokenFor,
  addSubAccountLogin,
  createTenant,
  type SupportAccess,
  type Tenant,
} from '../support/tenants.ts';
import { openTicketVia, storedEvents } from '../support/tickets.ts';

type Who = 'primary' | 'global' | 'isolated' | 'none';
type TicketName = 'primaryAboutS1' | 'primaryAboutS2' | 'primaryGeneral' | 'byNone' | 'byIsolated';

const gateway = useGateway();
let tenant: Tenant;
let s1: Service;
let s2: Service;
const tokens = {} as Record<Who, string>;
const ids = {} as Record<TicketName, string>;

const base = () => `/accounts/${tenant.accountId}/tickets`;
const as = (who: Who, method: string, path: string, body?: unknown) =>
  gateway.api(method, path, { token: tokens[who], body });

/** Every ticket the login's list shows, all pages followed. */
const listedFor = async (who: Who): Promise<string[]> => {
  const pages = await readPages<{ id: string }>((andCursor) =>
    as(who, 'GET', `${base()}?limit=2${andCursor}`)
  );
  return pages.flat().map((ticket) => ticket.id);
};

const VISIBLE: Record<Who, TicketName[]> = {
  primary: ['primaryAboutS1', 'primaryAboutS2', 'primaryGeneral', 'byNone', 'byIsolated'],
  global: ['primaryAboutS1', 'primaryAboutS2', 'primaryGeneral', 'byNone', 'byIsolated'],
  isolated: ['primaryAboutS1', 'byIsolated'],
  none: ['byNone'],
};
const ALL_TICKETS = VISIBLE.primary;

beforeAll(async () => {
  tenant = await createTenant('Visibility');
  [s1, s2] = await Promise.all([
    addService(tenant, { type: 'hosting', label: 'S1' }),
    addService(tenant, { type: 'domain', label: 's2.example' }),
  ]);
  const login = (support: SupportAccess) =>
    addSubAccountLogin(tenant, ['tickets'], 'active', support);
  const [global, isolated, none] = await Promise.all([
    login({ scope: 'global' }),
    login({ scope: 'isolated', services: [s1] }),
    login({ scope: 'none' }),
  ]);
  const [primaryToken, globalToken, isolatedToken, noneToken] = await Promise.all(
    [tenant.email, global.email, isolated.email, none.email].map((email) => accessTokenFor(email))
  );
  Object.assign(tokens, {
    primary: primaryToken,
    global: globalToken,
    isolated: isolatedToken,
    none: noneToken,
  });
  const open = async (who: Who, body: Record<string, unknown> = {}) =>
    (await openTicketVia(gateway.url, tokens[who], tenant.accountId, body)).id;
  ids.primaryAboutS1 = await open('primary', { serviceId: s1.id });
  ids.primaryAboutS2 = await open('primary', { serviceId: s2.id });
  ids.primaryGeneral = await open('primary');
  ids.byNone = await open('none');
  ids.byIsolated = await open('isolated');
});

describe.each(['primary', 'global', 'isolated', 'none'] as Who[])('a %s login', (who) => {
  it('lists exactly the tickets it may see', async () => {
    // Act
    const listed = await listedFor(who);

    // Assess
    expect(listed.sort()).toEqual(VISIBLE[who].map((name) => ids[name]).sort());
  });

  it('reads the tickets it may see and gets 404 for the others', async () => {
    // Act
    const answers = await Promise.all(
      ALL_TICKETS.map(
        async (name) => [name, await as(who, 'GET', `${base()}/${ids[name]}`)] as const
      )
    );

    // Assess
    for (const [name, response] of answers) {
      if (VISIBLE[who].includes(name)) {
        expect(response.status, `${name}: ${response.text}`).toBe(200);
        expect(response.body.id).toBe(ids[name]);
      } else {
        expect(response.status, name).toBe(404);
        // Exactly what a ticket that does not exist gets: nothing tells them apart.
        const missing = await as(who, 'GET', `${base()}/01ARZ3NDEKTSV4RRFFQ69G5FAV`);
        expect(response.text).toBe(missing.text);
      }
    }
  });
});

describe('changing a ticket one may not see', () => {
  it.each(['isolated', 'none'] as Who[])(
    'is 404 for a %s login, and nothing is recorded',
    async (who) => {
      // Prepare
      const hidden = ALL_TICKETS.filter((name) => !VISIBLE[who].includes(name));

      // Act
      const answers = await Promise.all(
        hidden.flatMap((name) => [
          as(who, 'POST', `${base()}/${ids[name]}/replies`, { body: 'Let me in' }),
          as(who, 'POST', `${base()}/${ids[name]}/close`),
        ])
      );

      // Assess
      for (const response of answers) expect(response.status, response.text).toBe(404);
      for (const name of hidden) {
        expect((await storedEvents(ids[name])).map((event) => event.type)).toEqual(['submitted']);
      }
    }
  );

  it('works for an isolated login on a ticket about its assigned service', async () => {
    // Act
    const response = await as('isolated', 'POST', `${base()}/${ids.primaryAboutS1}/replies`, {
      body: 'On it from our side too.',
    });

    // Assess
    expect(response.status, response.text).toBe(201);
    expect(response.body.ticket).toMatchObject({ status: 'customer-reply' });
  });
});

describe('opening a ticket about a service', () => {
  it.each([
    ['primary', 's2', 201],
    ['global', 's2', 201],
    ['isolated', 's1', 201],
    ['isolated', 's2', 403],
    ['none', 's1', 403],
  ] as [Who, 's1' | 's2', number][])('as %s about %s: %i', async (who, service, status) => {
    // Act
    const response = await as(who, 'POST', base(), {
      subject: 'About a service',
      body: 'Please look.',
      serviceId: (service === 's1' ? s1 : s2).id,
    });

    // Assess
    expect(response.status, response.text).toBe(status);
    if (status === 403) {
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body).toMatchObject({
        type: problemType(who === 'none' ? 'noSupportAccess' : 'serviceNotAssigned'),
        supportScope: who,
        detail: expect.stringContaining('Open the ticket without a service'),
      });
    }
  });

  it('refuses an isolated login a service it does not know before looking it up (403, not 422)', async () => {
    // Act
    const response = await as('isolated', 'POST', base(), {
      subject: 'About a service',
      body: 'Please look.',
      serviceId: 'no-such-service',
    });

    // Assess
    expect(response.status).toBe(403);
  });

  it('lets a none login open a ticket without a service', async () => {
    // Act
    const response = await as('none', 'POST', base(), { subject: 'General', body: 'Question.' });

    // Assess
    expect(response.status, response.text).toBe(201);
  });
});

describe('visibility follows support assignment through the services API', () => {
  it('an isolated login sees a service ticket once assigned to the service, and no longer after a reset', async () => {
    // Prepare
    const service = await addService(tenant, { type: 'vps', label: 'S3' });
    const login = await addSubAccountLogin(tenant, ['tickets'], 'active', { scope: 'isolated' });
    const loginToken = await accessTokenFor(login.email);
    const ticket = await openTicketVia(gateway.url, tokens.primary, tenant.accountId, {
      serviceId: service.id,
    });
    const path = `${base()}/${ticket.id}`;
    const support = supportPaths(() => tenant).support(service.id, login.contactId);
    const read = () => gateway.api('GET', path, { token: loginToken });

    // Act
    const before = await read();
    const assigned = await as('primary', 'PUT', support);
    const whileAssigned = await read();
    const reset = await as('primary', 'DELETE', support);
    const afterReset = await read();

    // Assess
    expect([assigned.status, reset.status], `${assigned.text} ${reset.text}`).toEqual([200, 204]);
    expect([before.status, whileAssigned.status, afterReset.status]).toEqual([404, 200, 404]);
  });
});
