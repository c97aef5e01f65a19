/** DynamoDB calls per request of My Details, contacts, sub-accounts and account requests. */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmailLogPut } from '#core/entities/email-log';
import { tableStore } from '#core/table/function-store';
import { countCalls, installCallCounter, resetCalls } from '../../bench/dynamo-calls.ts';
import { BUDGET, expectWithinBudget, measured } from '../support/dynamo-budget.ts';
import { useGateway } from '../support/gateway.ts';
import { waitForMail } from '../support/mailbox.ts';
import {
  accessTokenFor,
  addContact,
  addInvitation,
  addSubAccountLogin,
  createTenant,
  signedInTenant,
  type Tenant,
} from '../support/tenants.ts';

const gateway = useGateway();

/** One email log entry for the primary, as the ticket fan-out writes it. */
const logMailTo = (tenant: Tenant) => {
  const at = new Date().toISOString();
  return tableStore.put(
    createEmailLogPut({
      id: randomUUID(),
      accountId: tenant.accountId,
      at,
      to: tenant.email,
      contactId: tenant.primaryContactId,
      category: 'support',
      subject: 'Budget',
      status: 'sent',
      updatedAt: at,
    })
  );
};
let tenant: Tenant;
let token: string;

beforeAll(async () => {
  installCallCounter();
  ({ tenant, token } = await signedInTenant('Budget'));
});

describe('DynamoDB calls per request', () => {
  const cases = [
    { route: 'GET /me', call: () => gateway.api('GET', '/me', { token }) },
    {
      route: 'POST /me/email-verification (after POST /me/email-change)',
      call: measured(
        async () => {
          const own = await signedInTenant('Budgetself');
          const email = `self-${own.tenant.loginId.slice(0, 8)}@budget.example`;
          await gateway.api('POST', '/me/email-change', { token: own.token, body: { email } });
          const mail = await waitForMail(email, 'Confirm your new login email');
          return { token: own.token, code: /code is (\d{6})/.exec(mail.body.text ?? '')?.[1] };
        },
        ({ token: ownToken, code }) =>
          gateway.api('POST', '/me/email-verification', { token: ownToken, body: { code } })
      ),
    },
    {
      route: 'POST /me/email-change',
      call: measured(
        () => signedInTenant('Budgetstart'),
        (own) =>
          gateway.api('POST', '/me/email-change', {
            token: own.token,
            body: { email: `start-${own.tenant.loginId.slice(0, 8)}@budget.example` },
          })
      ),
    },
    ...(['POST', 'DELETE'] as const).map((method) => ({
      route: `${method} /me/invitations/{accountId}`,
      call: measured(
        async () => {
          const inviter = await createTenant('Budgetinviter');
          await addInvitation(inviter, { loginId: tenant.loginId, email: tenant.email });
          return inviter.accountId;
        },
        (accountId) => gateway.api(method, `/me/invitations/${accountId}`, { token })
      ),
    })),
    {
      route: 'GET /accounts/{accountId}',
      call: () => gateway.api('GET', `/accounts/${tenant.accountId}`, { token }),
    },
    {
      route: 'GET /accounts/{accountId}/audit',
      call: () => gateway.api('GET', `/accounts/${tenant.accountId}/audit?limit=5`, { token }),
    },
    {
      route: 'GET /accounts/{accountId}/emails',
      call: () => gateway.api('GET', `/accounts/${tenant.accountId}/emails?limit=5`, { token }),
    },
    {
      route: 'GET /accounts/{accountId}/contacts/{contactId}/emails',
      call: measured(
        () => logMailTo(tenant),
        () =>
          gateway.api(
            'GET',
            `/accounts/${tenant.accountId}/contacts/${tenant.primaryContactId}/emails?limit=5`,
            { token }
          )
      ),
    },
    {
      route: 'GET /accounts/{accountId}/my-contact/emails',
      call: () =>
        gateway.api('GET', `/accounts/${tenant.accountId}/my-contact/emails?limit=5`, { token }),
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
      route: 'POST /accounts/{accountId}/contacts (Idempotency-Key replay)',
      call: measured(
        async () => {
          const replay = {
            token,
            body: {
              firstName: 'Budget',
              lastName: 'Retry',
              email: 'budget-retry@elsewhere.example',
              phone: '+441632960556',
              address: { line1: '6 Count Road', city: 'Hull', postcode: 'HU1 1AB', country: 'GB' },
            },
            headers: { 'idempotency-key': `budget-${Date.now()}` },
          };
          await gateway.api('POST', `/accounts/${tenant.accountId}/contacts`, replay);
          return replay;
        },
        (replay) => gateway.api('POST', `/accounts/${tenant.accountId}/contacts`, replay)
      ),
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

  it('stays within the budget for a login email change in My Details (the /me change is measured above)', async () => {
    // Prepare
    const subject = await createTenant('Budgetmail');
    const subjectToken = await accessTokenFor(subject.email);

    // Act
    const mine = await changeEmail(
      `/accounts/${subject.accountId}`,
      subjectToken,
      `moved-${subject.loginId.slice(0, 8)}@budget.example`
    );

    // Assess
    expect(mine.statuses).toEqual([200, 200]);
    for (const calls of mine.calls) {
      expect(calls.reads, calls.commands.join()).toBeLessThanOrEqual(BUDGET.reads);
      expect(calls.writes, calls.commands.join()).toBeLessThanOrEqual(BUDGET.writes);
      expect(calls.scans).toBe(0);
    }
  });
});
