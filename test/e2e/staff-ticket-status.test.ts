/**
 * The helpdesk queue of several statuses with each account's current name,
 * and staff setting a ticket's status: events, audit as the helpdesk,
 * optimistic versions, and who may not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useGateway } from '../support/gateway.ts';
import { readPages } from '../support/http.ts';
import { staffAccessToken } from '../support/staff.ts';
import { loadedAccountThrough, staffCall } from '../support/staff-calls.ts';
import { signedInTenant, type Tenant } from '../support/tenants.ts';
import { openTicketVia, storedEvents, storeTicket } from '../support/tickets.ts';

const gateway = useGateway();
let tenant: Tenant;
let token: string;
let staffToken: string;

const staff = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
  gateway.api(method, path, { token: staffToken, body, headers });

beforeAll(async () => {
  ({ tenant, token } = await signedInTenant('Queue'));
  staffToken = await staffAccessToken();
});

type QueueRow = { id: string; status: string; accountId: string; accountName: string | null };

/** The whole queue for `query`, every page followed. */
const queue = async (query: string) =>
  (
    await readPages<QueueRow>((andCursor) => staff('GET', `/staff/tickets?${query}${andCursor}`))
  ).flat();

describe('GET /staff/tickets with several statuses', () => {
  it('lists open and customer-reply together, oldest or newest first, with the account’s current name', async () => {
    // Prepare: a loaded account's open ticket, then a ticket the customer replied to
    const loaded = await loadedAccountThrough(gateway.url);
    const first = await storeTicket({
      ...tenant,
      accountId: loaded.id,
      name: 'Lena',
      email: loaded.body.primaryContact.email,
    });
    const second = await openTicketVia(gateway.url, token, tenant.accountId);
    await gateway.api('POST', `/accounts/${tenant.accountId}/tickets/${second.id}/replies`, {
      token,
      body: { body: 'Still down.' },
    });
    const renamed = `${loaded.body.name} Renamed`;
    await staffCall(gateway.url, 'POST', '/staff/accounts', { ...loaded.body, name: renamed });

    // Act
    const oldest = await queue('status=open,customer-reply&order=oldest&limit=50');
    const newest = await queue('status=customer-reply,open&limit=50');

    // Assess
    const ids = oldest.map((row) => row.id);
    expect(ids.indexOf(first.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    const newestIds = newest.map((row) => row.id);
    expect(newestIds.indexOf(second.id)).toBeLessThan(newestIds.indexOf(first.id));
    expect(oldest.find((row) => row.id === first.id)).toMatchObject({
      status: 'open',
      accountId: loaded.id,
      accountName: renamed,
    });
    expect(oldest.find((row) => row.id === second.id)).toMatchObject({
      status: 'customer-reply',
      accountName: tenant.name,
    });
    expect(oldest.every((row) => ['open', 'customer-reply'].includes(row.status))).toBe(true);
  });

  it('keeps to the statuses asked for within a turn', async () => {
    // Prepare
    const replied = await openTicketVia(gateway.url, token, tenant.accountId);
    await gateway.api('POST', `/accounts/${tenant.accountId}/tickets/${replied.id}/replies`, {
      token,
      body: { body: 'Any news?' },
    });

    // Act
    const onlyReplies = await queue('status=customer-reply&limit=50');

    // Assess
    expect(onlyReplies.map((row) => row.id)).toContain(replied.id);
    expect(onlyReplies.every((row) => row.status === 'customer-reply')).toBe(true);
  });

  it('refuses statuses of two turns, and a cursor of another order or status set (400)', async () => {
    // Prepare
    await storeTicket(tenant);
    await storeTicket(tenant);
    const page = await staff('GET', '/staff/tickets?status=open&limit=1');

    // Act
    const twoTurns = await staff('GET', '/staff/tickets?status=open,closed');
    const unknown = await staff('GET', '/staff/tickets?status=open,new');
    const otherOrder = await staff(
      'GET',
      `/staff/tickets?status=open&order=oldest&limit=1&cursor=${page.body.cursor}`
    );
    const otherSet = await staff(
      'GET',
      `/staff/tickets?status=open,customer-reply&limit=1&cursor=${page.body.cursor}`
    );

    // Assess
    expect(page.body.cursor).toEqual(expect.any(String));
    expect(twoTurns.status).toBe(400);
    expect(twoTurns.body.errors).toEqual([expect.objectContaining({ field: 'status' })]);
    expect(unknown.status).toBe(400);
    expect(otherOrder.status).toBe(400);
    expect(otherSet.status).toBe(400);
  });
});

describe('POST /staff/tickets/{ticketId}/status', () => {
  const path = (ticketId: string) => `/staff/tickets/${ticketId}/status`;

  it('closes, reopens and marks answered, each with its event, audited as the helpdesk', async () => {
    // Prepare
    const ticket = await storeTicket(tenant);

    // Act
    const closed = await staff('POST', path(ticket.id), { status: 'closed' });
    const reopened = await staff('POST', path(ticket.id), { status: 'open' });
    const answered = await staff('POST', path(ticket.id), { status: 'answered', version: 3 });

    // Assess
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body).toMatchObject({ id: ticket.id, status: 'closed', version: 2 });
    expect(closed.headers.get('etag')).toBe('"2"');
    expect(reopened.body).toMatchObject({ status: 'open', version: 3 });
    expect(answered.body).toMatchObject({ status: 'answered', version: 4 });
    const events = await storedEvents(ticket.id);
    expect(events.map((event) => event.type)).toEqual([
      'submitted',
      'closed',
      'reopened',
      'marked-answered',
    ]);
    expect(events[1]?.author).toMatchObject({ kind: 'staff', name: 'Helpdesk' });
    const audit = await gateway.api('GET', `/accounts/${tenant.accountId}/audit?limit=10`, {
      token,
    });
    const entries = (audit.body.items as { action: string; target: string }[]).filter(
      (entry) => entry.target === `ticket/${ticket.id}`
    );
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({
      action: 'ticket.status-set',
      actor: { kind: 'staff', name: 'Helpdesk' },
      changes: { status: { before: 'open', after: 'answered' } },
    });
    const seen = await gateway.api('GET', `/accounts/${tenant.accountId}/tickets/${ticket.id}`, {
      token,
    });
    expect(seen.body.status).toBe('answered');
  });

  it('changes and records nothing when the ticket has the status already', async () => {
    // Prepare
    const ticket = await storeTicket(tenant);

    // Act
    const same = await staff('POST', path(ticket.id), { status: 'open' });

    // Assess
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ status: 'open', version: 1 });
    expect((await storedEvents(ticket.id)).map((event) => event.type)).toEqual(['submitted']);
  });

  it('answers a stale If-Match with 412 and the current ETag, a stale version with 409, writing nothing', async () => {
    // Prepare
    const ticket = await storeTicket(tenant);
    await staff('POST', path(ticket.id), { status: 'closed' });

    // Act
    const staleEtag = await staff(
      'POST',
      path(ticket.id),
      { status: 'open' },
      { 'if-match': '"1"' }
    );
    const staleBody = await staff('POST', path(ticket.id), { status: 'open', version: 1 });

    // Assess
    expect(staleEtag.status).toBe(412);
    expect(staleEtag.headers.get('etag')).toBe('"2"');
    expect(staleEtag.body.currentVersion).toBe(2);
    expect(staleBody.status).toBe(409);
    expect((await storedEvents(ticket.id)).map((event) => event.type)).toEqual([
      'submitted',
      'closed',
    ]);
  });

  it('answers 404 for an unknown or malformed ticket and 400 for a status it cannot set', async () => {
    // Prepare
    const ticket = await storeTicket(tenant);

    // Act
    const unknown = await staff('POST', path('01ARZ3NDEKTSV4RRFFQ69G5FAV'), { status: 'closed' });
    const malformed = await staff('POST', path('not-a-ticket'), { status: 'closed' });
    const customerReply = await staff('POST', path(ticket.id), { status: 'customer-reply' });

    // Assess
    expect(unknown.status).toBe(404);
    expect(malformed.status).toBe(404);
    expect(customerReply.status).toBe(400);
    expect(customerReply.body.errors).toEqual([expect.objectContaining({ field: 'status' })]);
  });

  it('refuses a customer’s token (401), even the account holder’s, and changes nothing', async () => {
    // Prepare
    const ticket = await storeTicket(tenant);

    // Act
    const asCustomer = await gateway.api('POST', path(ticket.id), {
      token,
      body: { status: 'closed' },
    });
    const anonymous = await gateway.api('POST', path(ticket.id), { body: { status: 'closed' } });

    // Assess
    expect(asCustomer.status).toBe(401);
    expect(anonymous.status).toBe(401);
    expect((await storedEvents(ticket.id)).map((event) => event.type)).toEqual(['submitted']);
  });
});
