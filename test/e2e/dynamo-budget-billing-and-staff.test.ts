/** DynamoDB calls per request of staff identity, invoices, usage and the operators’ loading. */
import { beforeAll, describe, expect, it } from 'vitest';
import { countCalls, installCallCounter, resetCalls } from '../../bench/dynamo-calls.ts';
import { expectWithinBudget, measured } from '../support/dynamo-budget.ts';
import { useGateway } from '../support/gateway.ts';
import {
  accountLoad,
  callRecords,
  invoiceLoad,
  samplePdf,
  serviceLoad,
  trafficSamples,
} from '../support/loads.ts';
import { staffAccessToken } from '../support/staff.ts';
import { staffCall, uploadPdf } from '../support/staff-calls.ts';
import { signedInTenant, type Tenant } from '../support/tenants.ts';

const gateway = useGateway();
let tenant: Tenant;
let token: string;

beforeAll(async () => {
  installCallCounter();
  ({ tenant, token } = await signedInTenant('Budget'));
});

const accountPath = () => `/accounts/${tenant.accountId}`;

describe('DynamoDB calls of staff identity', () => {
  it('answers GET /staff/me with one read: the live check of the staff item', async () => {
    // Prepare
    const staffToken = await staffAccessToken();
    resetCalls();

    // Act
    const response = await gateway.api('GET', '/staff/me', { token: staffToken });
    const calls = countCalls();

    // Assess
    expect(response.status, response.text).toBe(200);
    expect(calls).toMatchObject({ reads: 1, writes: 0, scans: 0 });
    expect(calls.commands).toEqual(['GetItemCommand']);
  });
});

describe('DynamoDB calls of invoices, usage and the operators’ loading', () => {
  const staffPost = (path: string, body: unknown) => staffCall(gateway.url, 'POST', path, body);
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
  const usagePath = (serviceId: string) =>
    `/staff/accounts/${tenant.accountId}/services/${serviceId}/usage`;
  /** The largest traffic batch: 96 samples of 32 IPs, across three months. */
  const trafficBatch = () =>
    ['2026-01-31T23:50:00Z', '2026-02-28T23:55:00Z', '2026-03-01T00:00:00Z'].flatMap((start) =>
      trafficSamples(
        Array.from({ length: 32 }, (_, n) => `192.0.2.${n + 1}`),
        1,
        start
      )
    );
  const loadedInvoice = async () => {
    const body = invoiceLoad();
    await staffPost(`/staff/accounts/${tenant.accountId}/invoices`, body);
    return body;
  };

  const pdfOf = async (number: string) =>
    uploadPdf(gateway.url, { accountId: tenant.accountId, invoiceNumber: number }, samplePdf());
  const loadedInvoiceWithPdf = async () => {
    const body = await loadedInvoice();
    await pdfOf(body.number);
    return body;
  };

  const cases = [
    {
      route: 'GET /accounts/{accountId}/invoices',
      call: measured(loadedInvoice, () =>
        gateway.api('GET', `${accountPath()}/invoices`, { token })
      ),
    },
    {
      route: 'GET /accounts/{accountId}/invoices/{invoiceNumber}',
      call: measured(loadedInvoice, ({ number }) =>
        gateway.api('GET', `${accountPath()}/invoices/${number}`, { token })
      ),
    },
    {
      route: 'GET /accounts/{accountId}/invoices/{invoiceNumber}/pdf',
      call: measured(loadedInvoiceWithPdf, ({ number }) =>
        gateway.api('GET', `${accountPath()}/invoices/${number}/pdf`, { token })
      ),
    },
    {
      route: 'GET /accounts/{accountId}/services/{serviceId}/calls',
      call: measured(
        () => loadedService('voip'),
        (serviceId) =>
          gateway.api('GET', `${accountPath()}/services/${serviceId}/calls?from=2026-03-01`, {
            token,
          })
      ),
    },
    {
      route: 'GET /accounts/{accountId}/services/{serviceId}/traffic',
      call: measured(
        () => loadedService('serverhousing'),
        (serviceId) =>
          gateway.api('GET', `${accountPath()}/services/${serviceId}/traffic?ip=192.0.2.1`, {
            token,
          })
      ),
    },
    {
      route: 'GET /accounts/{accountId}/services/{serviceId}/traffic/totals (24 months)',
      call: measured(
        async () => {
          const serviceId = await loadedService('serverhousing');
          await staffPost(usagePath(serviceId), { traffic: trafficBatch() });
          return serviceId;
        },
        (serviceId) =>
          gateway.api(
            'GET',
            `${accountPath()}/services/${serviceId}/traffic/totals?from=2025-04&to=2027-03`,
            { token }
          )
      ),
    },
    {
      route: 'POST /staff/accounts (new)',
      call: () => staffPost('/staff/accounts', accountLoad()),
    },
    {
      route: 'POST /staff/accounts (reload, contract added)',
      call: measured(loadedAccount, (body) =>
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
      call: measured(
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
      call: measured(loadedInvoice, (body) =>
        staffPost(`/staff/accounts/${tenant.accountId}/invoices`, { ...body, status: 'paid' })
      ),
    },
    {
      route: 'PUT /staff/accounts/{accountId}/invoices/{invoiceNumber}/pdf',
      call: measured(loadedInvoice, ({ number }) => pdfOf(number)),
    },
    {
      route: 'POST /staff/accounts/{accountId}/services/{serviceId}/usage (100 calls)',
      call: measured(
        () => loadedService('voip'),
        (serviceId) =>
          staffPost(`/staff/accounts/${tenant.accountId}/services/${serviceId}/usage`, {
            calls: callRecords(100),
          })
      ),
    },
    {
      route: 'POST /staff/accounts/{accountId}/services/{serviceId}/usage (96 samples, 3 months)',
      call: measured(
        () => loadedService('serverhousing'),
        (serviceId) => staffPost(usagePath(serviceId), { traffic: trafficBatch() })
      ),
    },
    {
      route: 'POST /staff/accounts/{accountId}/services/{serviceId}/usage (96 samples again)',
      call: measured(
        async () => {
          const serviceId = await loadedService('serverhousing');
          await staffPost(usagePath(serviceId), { traffic: trafficBatch() });
          return serviceId;
        },
        (serviceId) => staffPost(usagePath(serviceId), { traffic: trafficBatch() })
      ),
    },
    {
      route: 'GET /staff/external-ids/{kind}/{externalId}',
      call: measured(loadedAccount, ({ externalId }) =>
        staffCall(gateway.url, 'GET', `/staff/external-ids/account/${externalId}`)
      ),
    },
    {
      route: 'GET /staff/accounts/{accountId}',
      call: measured(staffAccessToken, () =>
        staffCall(gateway.url, 'GET', `/staff/accounts/${tenant.accountId}`)
      ),
    },
    {
      route: 'GET /staff/accounts?contract=',
      call: measured(loadedAccount, ({ contractNumbers }) =>
        staffCall(gateway.url, 'GET', `/staff/accounts?contract=${contractNumbers[0]}`)
      ),
    },
    {
      route: 'GET /staff/accounts?email= (50 contacts a page)',
      call: measured(staffAccessToken, () =>
        staffCall(
          gateway.url,
          'GET',
          `/staff/accounts?email=${encodeURIComponent(tenant.email)}&limit=50`
        )
      ),
    },
  ];

  for (const { route, call } of cases) {
    it(`stays within the budget and never scans: ${route}`, () => expectWithinBudget(route, call));
  }
});
