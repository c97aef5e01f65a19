import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startGateway } from '../../local/gateway.ts';
import { countCalls, installCallCounter, resetCalls } from '../support/dynamo-calls.ts';
import { callApi } from '../support/http.ts';
import { waitForMail } from '../support/mailbox.ts';
import { addService } from '../support/services.ts';
import {
  accessTokenFor,
  addContact,
  addSubAccountLogin,
  createTenant,
  type Tenant,
} from '../support/tenants.ts';
import { openTicketVia } from '../support/tickets.ts';

let gateway: { url: string; close(): Promise<void> };
let tenant: Tenant;
let token: string;

beforeAll(async () => {
  installCallCounter();
  gateway = await startGateway({ port: 0, stack: inject('localStack') });
  tenant = await createTenant('Budget');
  token = await accessTokenFor(tenant.email);
});

afterAll(async () => {
  await gateway?.close();
});

/** DESIGN.md budget: membership + one read, membership + before-image + one transaction. */
const BUDGET = { reads: 2, writes: 3 };

describe('DynamoDB calls per request', () => {
  const cases = [
    { route: 'GET /me', call: () => callApi(gateway.url, 'GET', '/me', { token }) },
    {
      route: 'GET /accounts/{accountId}',
      call: () => callApi(gateway.url, 'GET', `/accounts/${tenant.accountId}`, { token }),
    },
    {
      route: 'GET /accounts/{accountId}/audit',
      call: () =>
        callApi(gateway.url, 'GET', `/accounts/${tenant.accountId}/audit?limit=5`, { token }),
    },
    {
      route: 'GET /accounts/{accountId}/contacts',
      call: () => callApi(gateway.url, 'GET', `/accounts/${tenant.accountId}/contacts`, { token }),
    },
    {
      route: 'POST /accounts/{accountId}/contacts',
      call: () =>
        callApi(gateway.url, 'POST', `/accounts/${tenant.accountId}/contacts`, {
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
        return callApi(gateway.url, 'GET', `/accounts/${tenant.accountId}/contacts/${contactId}`, {
          token,
        });
      },
    },
    {
      route: 'PATCH /accounts/{accountId}/contacts/{contactId}',
      call: async () => {
        const { contactId } = await addContact(tenant);
        resetCalls();
        return callApi(
          gateway.url,
          'PATCH',
          `/accounts/${tenant.accountId}/contacts/${contactId}`,
          {
            token,
            body: { supportScope: 'isolated' },
          }
        );
      },
    },
    {
      route: 'DELETE /accounts/{accountId}/contacts/{contactId}',
      call: async () => {
        const { contactId } = await addContact(tenant);
        resetCalls();
        return callApi(
          gateway.url,
          'DELETE',
          `/accounts/${tenant.accountId}/contacts/${contactId}`,
          { token }
        );
      },
    },
    {
      route: 'PUT /accounts/{accountId}/contacts/{contactId}/sub-account',
      call: async () => {
        const { contactId } = await addContact(tenant);
        resetCalls();
        return callApi(
          gateway.url,
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
        return callApi(
          gateway.url,
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
        return callApi(
          gateway.url,
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
        return callApi(gateway.url, 'POST', '/account-requests', {
          body: { contractNumber: tenant.contractNumber, email },
        });
      },
    },
    {
      route: 'POST /accounts/{accountId}/tickets',
      call: async () => {
        const service = await addService(tenant, { type: 'hosting' });
        resetCalls();
        return callApi(gateway.url, 'POST', `/accounts/${tenant.accountId}/tickets`, {
          token,
          body: { subject: 'Budget', body: 'Counting calls.', serviceId: service.id },
        });
      },
    },
    {
      route: 'GET /accounts/{accountId}/tickets',
      call: () =>
        callApi(gateway.url, 'GET', `/accounts/${tenant.accountId}/tickets?status=open`, { token }),
    },
    {
      route: 'GET /accounts/{accountId}/tickets (isolated login, filtered)',
      call: async () => {
        const isolated = await addSubAccountLogin(tenant, ['tickets'], 'active', {
          scope: 'isolated',
        });
        const isolatedToken = await accessTokenFor(isolated.email);
        resetCalls();
        return callApi(gateway.url, 'GET', `/accounts/${tenant.accountId}/tickets`, {
          token: isolatedToken,
        });
      },
    },
    {
      route: 'GET /accounts/{accountId}/tickets/{ticketId}',
      call: async () => {
        const ticket = await openTicketVia(gateway.url, token, tenant.accountId);
        resetCalls();
        return callApi(gateway.url, 'GET', `/accounts/${tenant.accountId}/tickets/${ticket.id}`, {
          token,
        });
      },
    },
    {
      route: 'POST /accounts/{accountId}/tickets/{ticketId}/replies',
      call: async () => {
        const ticket = await openTicketVia(gateway.url, token, tenant.accountId);
        resetCalls();
        return callApi(
          gateway.url,
          'POST',
          `/accounts/${tenant.accountId}/tickets/${ticket.id}/replies`,
          { token, body: { body: 'Counting calls.' } }
        );
      },
    },
    {
      route: 'POST /accounts/{accountId}/tickets/{ticketId}/close',
      call: async () => {
        const ticket = await openTicketVia(gateway.url, token, tenant.accountId);
        resetCalls();
        return callApi(
          gateway.url,
          'POST',
          `/accounts/${tenant.accountId}/tickets/${ticket.id}/close`,
          { token }
        );
      },
    },
    {
      route: 'PATCH /accounts/{accountId}',
      call: () =>
        callApi(gateway.url, 'PATCH', `/accounts/${tenant.accountId}`, {
          token,
          body: { firstName: `Budget${Date.now()}` },
        }),
    },
  ];

  for (const { route, call } of cases) {
    it(`stays within the budget and never scans: ${route}`, async () => {
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
    });
  }
});

describe('DynamoDB calls of a login email change', () => {
  it('stays within the budget when asking for the change and when confirming it', async () => {
    // Prepare
    const subject = await createTenant('Budgetmail');
    const subjectToken = await accessTokenFor(subject.email);
    const newEmail = `moved-${subject.loginId.slice(0, 8)}@budget.example`;

    // Act
    resetCalls();
    const requested = await callApi(gateway.url, 'PATCH', `/accounts/${subject.accountId}`, {
      token: subjectToken,
      body: { email: newEmail },
    });
    const requestCalls = countCalls();
    const codeMail = await waitForMail(newEmail, 'Confirm your new login email');
    resetCalls();
    const confirmed = await callApi(
      gateway.url,
      'POST',
      `/accounts/${subject.accountId}/email-verification`,
      {
        token: subjectToken,
        body: { code: /code is (\d{6})/.exec(codeMail.body.text ?? '')?.[1] ?? '' },
      }
    );
    const confirmCalls = countCalls();

    // Assess
    expect([requested.status, confirmed.status]).toEqual([200, 200]);
    for (const calls of [requestCalls, confirmCalls]) {
      expect(calls.reads, calls.commands.join()).toBeLessThanOrEqual(BUDGET.reads);
      expect(calls.writes, calls.commands.join()).toBeLessThanOrEqual(BUDGET.writes);
      expect(calls.scans).toBe(0);
    }
  });
});
