/** DynamoDB calls per request of services, domains, their support contacts and tickets. */
import { beforeAll, describe, it } from 'vitest';
import { installCallCounter } from '../../bench/dynamo-calls.ts';
import { expectWithinBudget, measured } from '../support/dynamo-budget.ts';
import { useGateway } from '../support/gateway.ts';
import { addService } from '../support/services.ts';
import { staffAccessToken } from '../support/staff.ts';
import {
  accessTokenFor,
  addSubAccountLogin,
  signedInTenant,
  type Tenant,
} from '../support/tenants.ts';
import { openTicketVia } from '../support/tickets.ts';
import { declareUpload, uploadFile } from '../support/uploads.ts';

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

/** A login of its own (ticket openings are limited per login) and one uploaded file. */
const withUpload = async () => {
  const login = await addSubAccountLogin(tenant, ['tickets'], 'active', { scope: 'global' });
  const own = await accessTokenFor(login.email);
  const file = { filename: 'count.txt', contentType: 'text/plain', bytes: Buffer.from('calls') };
  return { own, uploadId: await uploadFile(gateway, own, tenant.accountId, file) };
};

/** A staff token and a fresh ticket of the tenant to work on. */
const staffTicket = async () => ({
  staffToken: await staffAccessToken(),
  ticket: await openTicketVia(gateway.url, token, tenant.accountId),
});

describe('DynamoDB calls per request', () => {
  const cases = [
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
      route: 'GET /accounts/{accountId}/services/{serviceId}/ips',
      call: measured(
        () => addService(tenant, { type: 'serverhousing' }),
        ({ id }) => gateway.api('GET', `${accountPath()}/services/${id}/ips`, { token })
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
      route: 'POST /accounts/{accountId}/tickets (Idempotency-Key replay)',
      call: measured(
        async () => {
          const replay = {
            token,
            body: { subject: 'Budget', body: 'Counting a retry.' },
            headers: { 'idempotency-key': `budget-${Date.now()}` },
          };
          await gateway.api('POST', `${accountPath()}/tickets`, replay);
          return replay;
        },
        (replay) => gateway.api('POST', `${accountPath()}/tickets`, replay)
      ),
    },
    {
      route: 'POST /accounts/{accountId}/ticket-uploads',
      call: () =>
        declareUpload(gateway, token, tenant.accountId, {
          filename: 'count.txt',
          contentType: 'text/plain',
          size: 5,
        }),
    },
    {
      route: 'POST /accounts/{accountId}/tickets (with a file)',
      call: measured(withUpload, ({ own, uploadId }) =>
        gateway.api('POST', `${accountPath()}/tickets`, {
          token: own,
          body: { subject: 'Counting', body: 'Calls.', attachments: [uploadId] },
        })
      ),
    },
    {
      route: 'POST /accounts/{accountId}/tickets/{ticketId}/replies (with a file)',
      call: measured(
        async () => ({
          ...(await withUpload()),
          ticket: await openTicketVia(gateway.url, token, tenant.accountId),
        }),
        ({ own, uploadId, ticket }) =>
          gateway.api('POST', `${accountPath()}/tickets/${ticket.id}/replies`, {
            token: own,
            body: { body: 'Counting calls.', attachments: [uploadId] },
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
      route: 'GET /staff/tickets (open and customer-reply, oldest first, 50 a page)',
      call: measured(staffTicket, ({ staffToken }) =>
        gateway.api('GET', '/staff/tickets?status=open,customer-reply&order=oldest&limit=50', {
          token: staffToken,
        })
      ),
    },
    {
      route: 'GET /staff/tickets (customer-reply only: read wider, kept to it)',
      call: measured(staffAccessToken, (staffToken) =>
        gateway.api('GET', '/staff/tickets?status=customer-reply&limit=50', { token: staffToken })
      ),
    },
    {
      route: 'POST /staff/tickets/{ticketId}/status',
      call: measured(staffTicket, ({ staffToken, ticket }) =>
        gateway.api('POST', `/staff/tickets/${ticket.id}/status`, {
          token: staffToken,
          body: { status: 'closed' },
        })
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
  ];

  for (const { route, call } of cases) {
    it(`stays within the budget and never scans: ${route}`, () => expectWithinBudget(route, call));
  }
});
