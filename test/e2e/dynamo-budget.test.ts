import { beforeAll, describe, expect, it } from 'vitest';
import { countCalls, installCallCounter, resetCalls } from '../support/dynamo-calls.ts';
import { useGateway } from '../support/gateway.ts';
import type { callApi } from '../support/http.ts';
import { accountLoad, callRecords, invoiceLoad, serviceLoad } from '../support/loads.ts';
import { waitForMail } from '../support/mailbox.ts';
import { addService } from '../support/services.ts';
import { staffAccessToken } from '../support/staff.ts';
import { staffCall } from '../support/staff-calls.ts';
import {
  accessTokenFor,
  addContact,
  addSubAccountLogin,
  createTenant,
  signedInTenant,
  type Tenant,
} from '../support/tenants.ts';
import { openTicketVia } from '../support/tickets.ts';

const gateway = useGateway();
let tenant: Tenant;
let token: string;

beforeAll(async () => {
  installCallCounter();
  ({ tenant, token } = await signedInTenant('Budget'));
});

const accountPath = () => `/accounts/${tenant.accountId}`;

/** A contact with a login, scope isolated, supporting a fresh service (or domain) of the tenant. */
const supportedService = async (type: 'vps' | 'domain', assign = true) => {
  const listing = type === 'domain' ? 'domains' : 'services';
  const [service, sub] = await Promise.all([
    addService(tenant, { type }),
    addSubAccountLogin(tenant, ['tickets']),
  ]);
  await gateway.api('PATCH', `${accountPath()}/contacts/${sub.contactId}`, {
    token,
    body: { supportScope: 'isolated' },
  });
  const path = `${accountPath()}/${listing}/${service.id}/support-contacts/${sub.contactId}`;
  if (assign) await gateway.api('PUT', path, { token });
  return {
    path,
    contactId: sub.contactId,
    servicePath: `${accountPath()}/${listing}/${service.id}`,
  };
};

/** Prepares with `prepare`, then counts only `act`. */
const measured =
  <T>(prepare: () => Promise<T>, act: (prepared: T) => ReturnType<typeof callApi>) =>
  async () => {
    const prepared = await prepare();
    resetCalls();
    return act(prepared);
  };

/** A staff token and a fresh ticket of the tenant to work on. */
const staffTicket = async () => ({
  staffToken: await staffAccessToken(),
  ticket: await openTicketVia(gateway.url, token, tenant.accountId),
});

/** DESIGN.md budget: membership + one read, membership + before-image + one transaction. */
const BUDGET = { reads: 2, writes: 3 };

/** Runs `call` (which may prepare data and then resetCalls()) and checks what it cost. */
const expectWithinBudget = async (
  route: string,
  call: () => Promise<{ status: number; text: string }>
) => {
  // Prepare
  resetCalls();

  // Act
  const response = await call();
  const calls = countCalls();

  // Assess
  if (process.env.PRINT_DYNAMO_CALLS)
    console.info(`${route}: ${calls.reads} reads, ${calls.writes} writes`);
  expect(response.status, response.text).toBeLessThan(300);
  expect(calls.reads, calls.commands.join()).toBeLessThanOrEqual(BUDGET.reads);
  expect(calls.writes, calls.commands.join()).toBeLessThanOrEqual(BUDGET.writes);
  expect(calls.scans).toBe(0);
  expect(calls.reads + calls.writes).toBeGreaterThan(0);
};

describe('DynamoDB calls per request', () => {
  const cases = [
    { route: 'GET /me', call: () => gateway.api('GET', '/me', { token }) },
    {
      route: 'GET /accounts/{accountId}',
      call: () => gateway.api('GET', `/accounts/${tenant.accountId}`, { token }),
    },
    {
      route: 'GET /accounts/{accountId}/audit',
      call: () => gateway.api('GET', `/accounts/${tenant.accountId}/audit?limit=5`, { token }),
    },
    {
      route: 'GET /accounts/{accountId}/contacts',
      call: () => gateway.api('GET', `/accounts/${tenant.accountId}/contacts`, { token }),
    },
    {
      route: 'POST /accounts/{accountId}/contacts',
      call: () =>
        gateway.api('POST', `/accounts/${tenant.accountId}/contacts`, {
          token,
          body: {
            firstName: 'Budget',
            lastName: 'Contact',
            email: 'budget@elsewhere.example',
            phone: '+441632960555',
            address: { line1: '5 Count Road', city: 'Hull', postcode: 'HU1 1AA', country: 'GB' },
          },
        }),
    },
    {
      route: 'GET /accounts/{accountId}/contacts/{contactId}',
      call: async () => {
        const { contactId } = await addContact(tenant);
        resetCalls();
        return gateway.api('GET', `/accounts/${tenant.accountId}/contacts/${contactId}`, {
          token,
        });
      },
    },
    {
      route: 'PATCH /accounts/{accountId}/contacts/{contactId}',
      call: async () => {
        const { contactId } = await addContact(tenant);
        resetCalls();
        return gateway.api('PATCH', `/accounts/${tenant.accountId}/contacts/${contactId}`, {
          token,
          body: { supportScope: 'isolated' },
        });
      },
    },
    {
      route: 'DELETE /accounts/{accountId}/contacts/{contactId}',
      call: async () => {
        const { contactId } = await addContact(tenant);
        resetCalls();
        return gateway.api('DELETE', `/accounts/${tenant.accountId}/contacts/${contactId}`, {
          token,
        });
      },
    },
    {
      route: 'PUT /accounts/{accountId}/contacts/{contactId}/sub-account',
      call: async () => {
        const { contactId } = await addContact(tenant);
        resetCalls();
        return gateway.api(
          'PUT',
          `/accounts/${tenant.accountId}/contacts/${contactId}/sub-account`,
          {
            token,
            body: { permissions: ['invoices'], password: 'Budget-Pass-2026!' },
          }
        );
      },
    },
    {
      route: 'PATCH /accounts/{accountId}/contacts/{contactId}/sub-account',
      call: async () => {
        const { contactId } = await addSubAccountLogin(tenant, ['invoices']);
        resetCalls();
        return gateway.api(
          'PATCH',
          `/accounts/${tenant.accountId}/contacts/${contactId}/sub-account`,
          {
            token,
            body: { status: 'suspended' },
          }
        );
      },
    },
    {
      route: 'DELETE /accounts/{accountId}/contacts/{contactId}/sub-account',
      call: async () => {
        const { contactId } = await addSubAccountLogin(tenant, ['invoices']);
        resetCalls();
        return gateway.api(
          'DELETE',
          `/accounts/${tenant.accountId}/contacts/${contactId}/sub-account`,
          {
            token,
          }
        );
      },
    },
    {
      route: 'POST /account-requests',
      call: async () => {
        const { email } = await addContact(tenant);
        resetCalls();
        return gateway.api('POST', '/account-requests', {
          body: { contractNumber: tenant.contractNumber, email },
        });
      },
    },
    {
      route: 'GET /accounts/{accountId}/services',
      call: measured(
        () => addService(tenant),
        () => gateway.api('GET', `${accountPath()}/services?limit=5`, { token })
      ),
    },
    {
      route: 'GET /accounts/{accountId}/domains',
      call: measured(
        () => addService(tenant, { type: 'domain' }),
        () => gateway.api('GET', `${accountPath()}/domains?limit=5`, { token })
      ),
    },
    {
      route: 'GET /accounts/{accountId}/services/{serviceId}',
      call: measured(
        () => supportedService('vps'),
        ({ servicePath }) => gateway.api('GET', servicePath, { token })
      ),
    },
    {
      route: 'GET /accounts/{accountId}/domains/{domainId}',
      call: measured(
        () => supportedService('domain'),
        ({ servicePath }) => gateway.api('GET', servicePath, { token })
      ),
    },
    {
      route: 'PUT /accounts/{accountId}/services/{serviceId}/support-contacts/{contactId}',
      call: measured(
        () => supportedService('vps', false),
        ({ path }) => gateway.api('PUT', path, { token })
      ),
    },
    {
      route: 'DELETE /accounts/{accountId}/services/{serviceId}/support-contacts/{contactId}',
      call: measured(
        () => supportedService('vps'),
        ({ path }) => gateway.api('DELETE', path, { token })
      ),
    },
    {
      route: 'PUT /accounts/{accountId}/domains/{domainId}/support-contacts/{contactId}',
      call: measured(
        () => supportedService('domain', false),
        ({ path }) => gateway.api('PUT', path, { token })
      ),
    },
    {
      route: 'DELETE /accounts/{accountId}/domains/{domainId}/support-contacts/{contactId}',
      call: measured(
        () => supportedService('domain'),
        ({ path }) => gateway.api('DELETE', path, { token })
      ),
    },
    {
      route: 'PATCH /accounts/{accountId}/contacts/{contactId} (scope none resets its support)',
      call: measured(
        () => supportedService('vps'),
        ({ contactId }) =>
          gateway.api('PATCH', `${accountPath()}/contacts/${contactId}`, {
            token,
            body: { supportScope: 'none' },
          })
      ),
    },
    {
      route: 'DELETE /accounts/{accountId}/contacts/{contactId} (a support contact)',
      call: measured(
        () => supportedService('domain'),
        ({ contactId }) =>
          gateway.api('DELETE', `${accountPath()}/contacts/${contactId}`, { token })
      ),
    },
    {
      route: 'POST /accounts/{accountId}/tickets',
      call: measured(
        () => addService(tenant),
        (service) =>
          gateway.api('POST', `${accountPath()}/tickets`, {
            token,
            body: { subject: 'Budget', body: 'Counting calls.', serviceId: service.id },
          })
      ),
    },
    {
      route: 'GET /accounts/{accountId}/tickets',
      call: () => gateway.api('GET', `${accountPath()}/tickets?status=open`, { token }),
    },
    {
      route: 'GET /accounts/{accountId}/tickets (isolated login, filtered)',
      call: measured(
        async () => {
          const login = await addSubAccountLogin(tenant, ['tickets'], 'active', {
            scope: 'isolated',
          });
          return accessTokenFor(login.email);
        },
        (isolatedToken) => gateway.api('GET', `${accountPath()}/tickets`, { token: isolatedToken })
      ),
    },
    {
      route: 'GET /accounts/{accountId}/tickets/{ticketId}',
      call: measured(
        () => openTicketVia(gateway.url, token, tenant.accountId),
        (ticket) => gateway.api('GET', `${accountPath()}/tickets/${ticket.id}`, { token })
      ),
    },
    {
      route: 'POST /accounts/{accountId}/tickets/{ticketId}/replies',
      call: measured(
        () => openTicketVia(gateway.url, token, tenant.accountId),
        (ticket) =>
          gateway.api('POST', `${accountPath()}/tickets/${ticket.id}/replies`, {
            token,
            body: { body: 'Counting calls.' },
          })
      ),
    },
    {
      route: 'POST /accounts/{accountId}/tickets/{ticketId}/close',
      call: measured(
        () => openTicketVia(gateway.url, token, tenant.accountId),
        (ticket) => gateway.api('POST', `${accountPath()}/tickets/${ticket.id}/close`, { token })
      ),
    },
    {
      route: 'GET /staff/tickets',
      call: measured(staffAccessToken, (staffToken) =>
        gateway.api('GET', '/staff/tickets?status=open', { token: staffToken })
      ),
    },
    {
      route: 'GET /staff/tickets/{ticketId}',
      call: measured(staffTicket, ({ staffToken, ticket }) =>
        gateway.api('GET', `/staff/tickets/${ticket.id}`, { token: staffToken })
      ),
    },
    {
      route: 'POST /staff/tickets/{ticketId}/replies',
      call: measured(staffTicket, ({ staffToken, ticket }) =>
        gateway.api('POST', `/staff/tickets/${ticket.id}/replies`, {
          token: staffToken,
          body: { body: 'Counting calls.' },
        })
      ),
    },
    {
      route: 'GET /staff/requesters',
      call: measured(staffAccessToken, (staffToken) =>
        gateway.api('GET', `/staff/requesters?email=${encodeURIComponent(tenant.email)}`, {
          token: staffToken,
        })
      ),
    },
    {
      route: 'PATCH /accounts/{accountId}',
      call: () =>
        gateway.api('PATCH', `/accounts/${tenant.accountId}`, {
          token,
          body: { firstName: `Budget${Date.now()}` },
        }),
    },
  ];

  for (const { route, call } of cases) {
    it(`stays within the budget and never scans: ${route}`, () => expectWithinBudget(route, call));
  }
});

describe('DynamoDB calls of staff identity', () => {
  it('answers GET /staff/me without touching the table', async () => {
    // Prepare
    const staffToken = await staffAccessToken();
    resetCalls();

    // Act
    const response = await gateway.api('GET', '/staff/me', { token: staffToken });
    const calls = countCalls();

    // Assess
    expect(response.status, response.text).toBe(200);
    expect(calls).toMatchObject({ reads: 0, writes: 0, scans: 0 });
  });
});

describe('DynamoDB calls of a login email change', () => {
  /** Asks for the change, reads the mailed code, confirms it; the calls of each step. */
  const changeEmail = async (path: string, token: string, newEmail: string) => {
    resetCalls();
    const requested = await gateway.api('PATCH', path, {
      token,
      body: { email: newEmail },
    });
    const requestCalls = countCalls();
    const codeMail = await waitForMail(newEmail, 'Confirm your new login email');
    resetCalls();
    const confirmed = await gateway.api('POST', `${path}/email-verification`, {
      token,
      body: { code: /code is (\d{6})/.exec(codeMail.body.text ?? '')?.[1] ?? '' },
    });
    const confirmCalls = countCalls();
    if (process.env.PRINT_DYNAMO_CALLS)
      console.info(
        `PATCH ${path} (email): ${requestCalls.reads} reads, ${requestCalls.writes} writes\n` +
          `POST ${path}/email-verification: ${confirmCalls.reads} reads, ${confirmCalls.writes} writes`
      );
    return { statuses: [requested.status, confirmed.status], calls: [requestCalls, confirmCalls] };
  };

  it('stays within the budget for My Details and for a contact with a login', async () => {
    // Prepare
    const subject = await createTenant('Budgetmail');
    const subjectToken = await accessTokenFor(subject.email);
    const sub = await addSubAccountLogin(subject, ['profile']);

    // Act
    const mine = await changeEmail(
      `/accounts/${subject.accountId}`,
      subjectToken,
      `moved-${subject.loginId.slice(0, 8)}@budget.example`
    );
    const theirs = await changeEmail(
      `/accounts/${subject.accountId}/contacts/${sub.contactId}`,
      subjectToken,
      `moved-${sub.loginId.slice(0, 8)}@budget.example`
    );

    // Assess
    expect([...mine.statuses, ...theirs.statuses]).toEqual([200, 200, 200, 200]);
    for (const calls of [...mine.calls, ...theirs.calls]) {
      expect(calls.reads, calls.commands.join()).toBeLessThanOrEqual(BUDGET.reads);
      expect(calls.writes, calls.commands.join()).toBeLessThanOrEqual(BUDGET.writes);
      expect(calls.scans).toBe(0);
    }
  });
});

describe('DynamoDB calls of invoices, usage and the operators’ loading', () => {
  const staffPost = (path: string, body: unknown) => staffCall(gateway.url, 'POST', path, body);
  /** Runs `prepare`, forgets its calls, then makes the measured request. */
  const measuredAfter =
    <T>(
      prepare: () => Promise<T>,
      measured: (prepared: T) => Promise<{ status: number; text: string }>
    ) =>
    async () => {
      const prepared = await prepare();
      resetCalls();
      return measured(prepared);
    };
  const loadedAccount = async () => {
    const body = accountLoad();
    await staffPost('/staff/accounts', body);
    return body;
  };
  const loadedService = async (type: string) =>
    (
      await staffPost(
        `/staff/accounts/${tenant.accountId}/services`,
        serviceLoad(tenant.contractNumber, { type })
      )
    ).body.id as string;
  const loadedInvoice = async () => {
    const body = invoiceLoad();
    await staffPost(`/staff/accounts/${tenant.accountId}/invoices`, body);
    return body;
  };

  const cases = [
    {
      route: 'GET /accounts/{accountId}/invoices',
      call: measuredAfter(loadedInvoice, () =>
        gateway.api('GET', `${accountPath()}/invoices`, { token })
      ),
    },
    {
      route: 'GET /accounts/{accountId}/invoices/{invoiceNumber}',
      call: measuredAfter(loadedInvoice, ({ number }) =>
        gateway.api('GET', `${accountPath()}/invoices/${number}`, { token })
      ),
    },
    {
      route: 'GET /accounts/{accountId}/services/{serviceId}/calls',
      call: measuredAfter(
        () => loadedService('voip'),
        (serviceId) =>
          gateway.api('GET', `${accountPath()}/services/${serviceId}/calls?from=2026-03-01`, {
            token,
          })
      ),
    },
    {
      route: 'GET /accounts/{accountId}/services/{serviceId}/traffic',
      call: measuredAfter(
        () => loadedService('serverhousing'),
        (serviceId) =>
          gateway.api('GET', `${accountPath()}/services/${serviceId}/traffic?ip=192.0.2.1`, {
            token,
          })
      ),
    },
    {
      route: 'POST /staff/accounts (new)',
      call: () => staffPost('/staff/accounts', accountLoad()),
    },
    {
      route: 'POST /staff/accounts (reload, contract added)',
      call: measuredAfter(loadedAccount, (body) =>
        staffPost('/staff/accounts', { ...body, contractNumbers: [`X-${body.externalId}`] })
      ),
    },
    {
      route: 'POST /staff/accounts/{accountId}/services (new)',
      call: () =>
        staffPost(
          `/staff/accounts/${tenant.accountId}/services`,
          serviceLoad(tenant.contractNumber)
        ),
    },
    {
      route: 'POST /staff/accounts/{accountId}/services (reload, label changed)',
      call: measuredAfter(
        async () => {
          const body = serviceLoad(tenant.contractNumber);
          await staffPost(`/staff/accounts/${tenant.accountId}/services`, body);
          return body;
        },
        (body) =>
          staffPost(`/staff/accounts/${tenant.accountId}/services`, { ...body, label: 'Renamed' })
      ),
    },
    {
      route: 'POST /staff/accounts/{accountId}/invoices (new)',
      call: () => staffPost(`/staff/accounts/${tenant.accountId}/invoices`, invoiceLoad()),
    },
    {
      route: 'POST /staff/accounts/{accountId}/invoices (reload, paid)',
      call: measuredAfter(loadedInvoice, (body) =>
        staffPost(`/staff/accounts/${tenant.accountId}/invoices`, { ...body, status: 'paid' })
      ),
    },
    {
      route: 'POST /staff/accounts/{accountId}/services/{serviceId}/usage (100 calls)',
      call: measuredAfter(
        () => loadedService('voip'),
        (serviceId) =>
          staffPost(`/staff/accounts/${tenant.accountId}/services/${serviceId}/usage`, {
            calls: callRecords(100),
          })
      ),
    },
    {
      route: 'GET /staff/external-ids/{kind}/{externalId}',
      call: measuredAfter(loadedAccount, ({ externalId }) =>
        staffCall(gateway.url, 'GET', `/staff/external-ids/account/${externalId}`)
      ),
    },
  ];

  for (const { route, call } of cases) {
    it(`stays within the budget and never scans: ${route}`, () => expectWithinBudget(route, call));
  }
});
