/**
 * The helpdesk's side of tickets, with a real staff token from the staff
 * pool: the queue by status, reading and answering any ticket, and the
 * requester lookup.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useGateway } from '../support/gateway.ts';
import { readPages } from '../support/http.ts';
import { addService } from '../support/services.ts';
import { staffAccessToken } from '../support/staff.ts';
import {
  accessTokenFor,
  addContact,
  addSubAccountLogin,
  createTenant,
  type Tenant,
} from '../support/tenants.ts';
import { openTicketVia, storedEvents, storedMessages } from '../support/tickets.ts';

const gateway = useGateway();
let tenant: Tenant;
let token: string;
let staffToken: string;

const staff = (method: string, path: string, body?: unknown) =>
  gateway.api(method, path, { token: staffToken, body });

beforeAll(async () => {
  tenant = await createTenant('Helpdesk');
  [token, staffToken] = await Promise.all([accessTokenFor(tenant.email), staffAccessToken()]);
});

/** Every ticket id in one status queue, all pages followed. */
const queue = async (status: string) => {
  const pages = await readPages<{ id: string; accountId: string; status: string }>((andCursor) =>
    staff('GET', `/staff/tickets?status=${status}&limit=50${andCursor}`)
  );
  return pages.flat();
};

describe('GET /staff/tickets', () => {
  it('lists one status across accounts, newest activity first, each with its account', async () => {
    // Prepare
    const other = await createTenant('Helpdeskother');
    const first = await openTicketVia(gateway.url, token, tenant.accountId);
    const second = await openTicketVia(
      gateway.url,
      await accessTokenFor(other.email),
      other.accountId
    );
    const closed = await openTicketVia(gateway.url, token, tenant.accountId);
    await gateway.api('POST', `/accounts/${tenant.accountId}/tickets/${closed.id}/close`, {
      token,
    });

    // Act
    const open = await queue('open');
    const closedQueue = await queue('closed');
    const byDefault = await staff('GET', '/staff/tickets?limit=1');

    // Assess
    const ids = open.map((ticket) => ticket.id);
    expect(ids).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(ids).not.toContain(closed.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    expect(open.find((ticket) => ticket.id === second.id)?.accountId).toBe(other.accountId);
    expect(open.every((ticket) => ticket.status === 'open')).toBe(true);
    expect(closedQueue.map((ticket) => ticket.id)).toContain(closed.id);
    expect((byDefault.body.items as { status: string }[])[0]?.status).toBe('open');
    expect(byDefault.body.cursor).toEqual(expect.any(String));
  });

  it('pages with a cursor that only fits its own status', async () => {
    // Prepare
    await openTicketVia(gateway.url, token, tenant.accountId);
    await openTicketVia(gateway.url, token, tenant.accountId);
    const page = await staff('GET', '/staff/tickets?status=open&limit=1');

    // Act
    const next = await staff(
      'GET',
      `/staff/tickets?status=open&limit=1&cursor=${page.body.cursor}`
    );
    const wrongQueue = await staff(
      'GET',
      `/staff/tickets?status=closed&limit=1&cursor=${page.body.cursor}`
    );

    // Assess
    expect(next.status).toBe(200);
    expect(next.body.items).not.toEqual(page.body.items);
    expect(wrongQueue.status).toBe(400);
  });

  it('refuses an unknown status with 400', async () => {
    // Act
    const response = await staff('GET', '/staff/tickets?status=new');

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'status' })]);
  });
});

describe('a staff answer', () => {
  it('sets answered, records one `answered` event with its Message-ID, and shows as the helpdesk', async () => {
    // Prepare
    const ticket = await openTicketVia(gateway.url, token, tenant.accountId);

    // Act
    const answered = await staff('POST', `/staff/tickets/${ticket.id}/replies`, {
      body: 'We restarted the web server.',
    });

    // Assess
    expect(answered.status, answered.text).toBe(201);
    expect(answered.body).toMatchObject({
      ticket: { id: ticket.id, accountId: tenant.accountId, status: 'answered', messageCount: 2 },
      message: {
        author: { kind: 'staff', name: 'Helpdesk' },
        body: 'We restarted the web server.',
      },
    });
    const messages = await storedMessages(tenant.accountId, ticket.id);
    const events = await storedEvents(ticket.id);
    expect(events.map((event) => event.type)).toEqual(['submitted', 'answered']);
    expect(events[1]).toMatchObject({
      author: { kind: 'staff' },
      status: 'answered',
      messageId: messages[1]?.id,
      emailMessageId: messages[1]?.emailMessageId,
      inReplyTo: messages[0]?.emailMessageId,
    });
    expect(messages[1]?.emailMessageId).not.toBe(messages[0]?.emailMessageId);

    const client = await gateway.api('GET', `/accounts/${tenant.accountId}/tickets/${ticket.id}`, {
      token,
    });
    expect(client.body.status).toBe('answered');
    expect(client.text).not.toContain('staff.portico.example');
  });

  it('reopens a closed ticket as answered', async () => {
    // Prepare
    const ticket = await openTicketVia(gateway.url, token, tenant.accountId);
    await gateway.api('POST', `/accounts/${tenant.accountId}/tickets/${ticket.id}/close`, {
      token,
    });

    // Act
    const answered = await staff('POST', `/staff/tickets/${ticket.id}/replies`, {
      body: 'One more thing.',
    });

    // Assess
    expect(answered.body).toMatchObject({ ticket: { status: 'answered' } });
    expect((await storedEvents(ticket.id)).map((event) => event.type)).toEqual([
      'submitted',
      'closed',
      'answered',
    ]);
  });

  it('answers 404 for an unknown ticket and 400 for an empty body', async () => {
    // Prepare
    const ticket = await openTicketVia(gateway.url, token, tenant.accountId);

    // Act
    const unknown = await staff('POST', '/staff/tickets/01ARZ3NDEKTSV4RRFFQ69G5FAV/replies', {
      body: 'Hello',
    });
    const garbage = await staff('GET', '/staff/tickets/not-a-ticket');
    const empty = await staff('POST', `/staff/tickets/${ticket.id}/replies`, { body: ' ' });

    // Assess
    expect(unknown.status).toBe(404);
    expect(garbage.status).toBe(404);
    expect(empty.status).toBe(400);
    expect(await storedEvents(ticket.id)).toHaveLength(1);
  });
});

describe('GET /staff/tickets/{ticketId}', () => {
  it('shows any ticket with its account and conversation', async () => {
    // Prepare
    const ticket = await openTicketVia(gateway.url, token, tenant.accountId, {
      body: 'First message.',
    });

    // Act
    const response = await staff('GET', `/staff/tickets/${ticket.id}`);

    // Assess
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: ticket.id,
      accountId: tenant.accountId,
      messages: [{ body: 'First message.', author: { kind: 'contact' } }],
    });
  });
});

describe('GET /staff/requesters', () => {
  it('shows every account an address is a contact of, with role, permissions, login and support access', async () => {
    // Prepare
    const agency = await createTenant('Requesteragency');
    const client = await createTenant('Requesterclient');
    const service = await addService(client, { type: 'hosting' });
    const sub = await addSubAccountLogin(client, ['tickets', 'services'], 'active', {
      scope: 'isolated',
      services: [service],
    });
    const plainEmail = `plain-${randomUUID().slice(0, 8)}@elsewhere.example`;
    await addContact(agency, plainEmail);
    await addContact(client, plainEmail.toUpperCase());

    // Act
    const primary = await staff(
      'GET',
      `/staff/requesters?email=${encodeURIComponent(agency.email.toUpperCase())}`
    );
    const subAccount = await staff(
      'GET',
      `/staff/requesters?email=${encodeURIComponent(sub.email)}`
    );
    const plain = await staff('GET', `/staff/requesters?email=${encodeURIComponent(plainEmail)}`);
    const nobody = await staff('GET', '/staff/requesters?email=nobody%40nowhere.example');

    // Assess
    expect(primary.status, primary.text).toBe(200);
    expect(primary.body.items).toEqual([
      expect.objectContaining({
        accountId: agency.accountId,
        accountName: agency.name,
        accountStatus: 'active',
        contactId: agency.primaryContactId,
        role: 'primary',
        permissions: expect.arrayContaining(['tickets', 'invoices', 'contacts']),
        loginStatus: 'active',
        supportScope: 'global',
      }),
    ]);
    expect(subAccount.body.items).toEqual([
      expect.objectContaining({
        accountId: client.accountId,
        accountName: client.name,
        contactId: sub.contactId,
        role: 'sub-account',
        permissions: ['tickets', 'services'],
        loginStatus: 'active',
        supportScope: 'isolated',
        assignedServiceIds: [service.id],
      }),
    ]);
    expect(
      (plain.body.items as { accountId: string; role: string; loginStatus: string }[])
        .map(({ accountId, role, loginStatus }) => ({ accountId, role, loginStatus }))
        .sort((a, b) => a.accountId.localeCompare(b.accountId))
    ).toEqual(
      [agency, client]
        .map((tenantOf) => ({
          accountId: tenantOf.accountId,
          role: 'contact',
          loginStatus: 'none',
        }))
        .sort((a, b) => a.accountId.localeCompare(b.accountId))
    );
    expect(nobody.body).toEqual({ email: 'nobody@nowhere.example', items: [], cursor: null });
  });

  it('needs a valid email (400)', async () => {
    // Act
    const missing = await staff('GET', '/staff/requesters');
    const invalid = await staff('GET', '/staff/requesters?email=not-an-address');

    // Assess
    expect(missing.status).toBe(400);
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors).toEqual([expect.objectContaining({ field: 'email' })]);
  });
});
