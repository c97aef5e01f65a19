import { beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '#core/entities/ticket';
import { writeTogether } from '#core/transact';
import { addMessage, staleTicket } from '../../functions/tickets/conversation.ts';
import { loadTicket } from '../../functions/tickets/store.ts';
import { useGateway } from '../support/gateway.ts';
import type { CallOptions } from '../support/http.ts';
import { readPages } from '../support/http.ts';
import { addService } from '../support/services.ts';
import { accessTokenFor, createTenant, signedInTenant, type Tenant } from '../support/tenants.ts';
import {
  openTicketVia,
  storedEvents,
  storedLocator,
  storedMarker,
  storedMessages,
} from '../support/tickets.ts';

const gateway = useGateway();
let tenant: Tenant;
let token: string;

const api = (method: string, path: string, options?: CallOptions) =>
  gateway.api(method, path, { token, ...options });
const tickets = () => `/accounts/${tenant.accountId}/tickets`;
const open = (body: Record<string, unknown> = {}) =>
  openTicketVia(gateway.url, token, tenant.accountId, body);

const MESSAGE_ID = /^<[0-9a-z]{26}@portico\.example>$/;

beforeAll(async () => {
  ({ tenant, token } = await signedInTenant('Ticketco'));
});

describe('POST /accounts/{accountId}/tickets', () => {
  it('opens a ticket: 201, Location, status open, the first message and the default department', async () => {
    // Act
    const response = await api('POST', tickets(), {
      body: { subject: '  Mail bounces  ', body: 'Every mail to info@ bounces.\nSince today.' },
    });

    // Assess
    expect(response.status, response.text).toBe(201);
    expect(response.headers.get('location')).toBe(`${tickets()}/${response.body.id}`);
    expect(response.body).toMatchObject({
      subject: 'Mail bounces',
      department: 'technical',
      status: 'open',
      openedBy: { contactId: tenant.primaryContactId, email: tenant.email },
      messageCount: 1,
      messages: [
        {
          author: { kind: 'contact', name: expect.stringContaining('Ticketco') },
          body: 'Every mail to info@ bounces.\nSince today.',
        },
      ],
    });
    expect(response.body).not.toHaveProperty('accountId');
    const fetched = await api('GET', response.headers.get('location') ?? '');
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(response.body);
  });

  it('records exactly one `submitted` event with the message, its Message-ID marker and the locator, in the same write', async () => {
    // Act
    const ticket = await open({ department: 'billing' });

    // Assess
    const [message] = await storedMessages(tenant.accountId, ticket.id);
    expect(message?.emailMessageId).toMatch(MESSAGE_ID);
    expect(await storedEvents(ticket.id)).toEqual([
      expect.objectContaining({
        type: 'submitted',
        accountId: tenant.accountId,
        ticketId: ticket.id,
        messageId: message?.id,
        emailMessageId: message?.emailMessageId,
        rootEmailMessageId: message?.emailMessageId,
        author: expect.objectContaining({ kind: 'contact', contactId: tenant.primaryContactId }),
        status: 'open',
        department: 'billing',
        subject: 'Website down',
      }),
    ]);
    expect(await storedMarker(message?.emailMessageId ?? '')).toMatchObject({
      accountId: tenant.accountId,
      ticketId: ticket.id,
      messageId: message?.id,
    });
    expect(await storedLocator(ticket.id)).toMatchObject({ accountId: tenant.accountId });
  });

  it('opens a ticket about a service of the account', async () => {
    // Prepare
    const service = await addService(tenant, { type: 'vps' });

    // Act
    const ticket = await open({ serviceId: service.id });

    // Assess
    expect(ticket.body.serviceId).toBe(service.id);
    expect((await storedEvents(ticket.id))[0]?.serviceId).toBe(service.id);
  });

  it('answers 422 for a service the account does not have, and writes nothing', async () => {
    // Prepare
    const stranger = await createTenant('Ticketstranger');
    const foreign = await addService(stranger, { type: 'hosting' });
    const before = await api('GET', `${tickets()}?limit=100`);

    // Act
    const responses = await Promise.all(
      ['no-such-service', foreign.id].map((serviceId) =>
        api('POST', tickets(), { body: { subject: 'About it', body: 'Help', serviceId } })
      )
    );

    // Assess
    for (const response of responses) {
      expect(response.status, response.text).toBe(422);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'serviceId' })]);
    }
    const after = await api('GET', `${tickets()}?limit=100`);
    expect(after.body.items).toEqual(before.body.items);
  });

  it.each([
    ['no subject', { body: 'x' }, 'subject'],
    ['an empty body', { subject: 'x', body: '   \n ' }, 'body'],
    ['a subject with a line break', { subject: 'Hi\r\nBcc: x@y.example', body: 'x' }, 'subject'],
    ['a body over 10,000 characters', { subject: 'x', body: 'a'.repeat(10_001) }, 'body'],
    ['a body with control characters', { subject: 'x', body: 'bell \u0007' }, 'body'],
    ['a subject over 200 characters', { subject: 's'.repeat(201), body: 'x' }, 'subject'],
    ['an unknown department', { subject: 'x', body: 'x', department: 'hr' }, 'department'],
    ['an unknown field', { subject: 'x', body: 'x', status: 'closed' }, 'status'],
  ])('refuses %s with a 400 problem naming the field', async (_case, body, field) => {
    // Act
    const response = await api('POST', tickets(), { body });

    // Assess
    expect(response.status, response.text).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field })])
    );
  });

  it('refuses a body that is not JSON with 415', async () => {
    // Act
    const response = await api('POST', tickets(), {
      rawBody: 'subject=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

    // Assess
    expect(response.status).toBe(415);
  });
});

describe('replies and closing', () => {
  it('moves open → customer-reply → closed → customer-reply, one event each, threaded by Message-ID', async () => {
    // Prepare
    const ticket = await open();
    const path = `${tickets()}/${ticket.id}`;

    // Act
    const replied = await api('POST', `${path}/replies`, { body: { body: 'Still down.' } });
    const closed = await api('POST', `${path}/close`);
    const closedAgain = await api('POST', `${path}/close`);
    const reopened = await api('POST', `${path}/replies`, { body: { body: 'Down again!' } });

    // Assess
    expect(replied.status, replied.text).toBe(201);
    expect(replied.headers.get('location')).toBe(path);
    expect(replied.body).toMatchObject({
      ticket: { id: ticket.id, status: 'customer-reply', messageCount: 2 },
      message: { author: { kind: 'contact' }, body: 'Still down.' },
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ id: ticket.id, status: 'closed' });
    expect(closedAgain.status).toBe(200);
    expect(closedAgain.body).toEqual(closed.body);
    expect(reopened.body).toMatchObject({ ticket: { status: 'customer-reply', messageCount: 3 } });

    const messages = await storedMessages(tenant.accountId, ticket.id);
    const events = await storedEvents(ticket.id);
    expect(events.map((event) => event.type)).toEqual([
      'submitted',
      'replied',
      'closed',
      'replied',
    ]);
    expect(events.map((event) => event.emailMessageId)).toEqual([
      messages[0]?.emailMessageId,
      messages[1]?.emailMessageId,
      undefined,
      messages[2]?.emailMessageId,
    ]);
    expect(events.map((event) => event.inReplyTo)).toEqual([
      undefined,
      messages[0]?.emailMessageId,
      messages[1]?.emailMessageId,
      messages[1]?.emailMessageId,
    ]);
    for (const event of events) expect(event.rootEmailMessageId).toBe(messages[0]?.emailMessageId);

    const detail = await api('GET', path);
    expect(detail.body.status).toBe('customer-reply');
    expect((detail.body.messages as { body: string }[]).map((message) => message.body)).toEqual([
      'Since 9:00 the site answers 502.',
      'Still down.',
      'Down again!',
    ]);
  });

  it('gives every message its own Message-ID, each with a marker pointing back to it', async () => {
    // Prepare
    const first = await open();
    const second = await open();
    await api('POST', `${tickets()}/${first.id}/replies`, { body: { body: 'One' } });
    await api('POST', `${tickets()}/${first.id}/replies`, { body: { body: 'Two' } });

    // Act
    const messages = [
      ...(await storedMessages(tenant.accountId, first.id)),
      ...(await storedMessages(tenant.accountId, second.id)),
    ];

    // Assess
    const ids = messages.map((message) => message.emailMessageId);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    for (const message of messages) {
      expect(message.emailMessageId).toMatch(MESSAGE_ID);
      expect(await storedMarker(message.emailMessageId)).toMatchObject({
        ticketId: message.ticketId,
        messageId: message.id,
      });
    }
  });

  it('writes nothing, event included, when the ticket changed since it was read (409)', async () => {
    // Prepare
    const ticket = await open();
    const stale = await loadTicket({ accountId: tenant.accountId, ticketId: ticket.id });
    await api('POST', `${tickets()}/${ticket.id}/replies`, { body: { body: 'First' } });
    const author = {
      kind: 'contact',
      contactId: tenant.primaryContactId,
      name: 'Stale',
      email: tenant.email,
    } as const;

    // Act
    const change = addMessage(stale as Ticket, 'replied', author, 'From a stale read', new Date());
    const failure = await writeTogether(change.writes, staleTicket).catch((error) => error);

    // Assess
    expect(failure).toMatchObject({ statusCode: 409 });
    expect((await storedEvents(ticket.id)).map((event) => event.type)).toEqual([
      'submitted',
      'replied',
    ]);
    expect(await storedMarker(change.message.emailMessageId)).toBeUndefined();
    expect(await storedMessages(tenant.accountId, ticket.id)).toHaveLength(2);
  });

  it('refuses an empty reply with 400 and records nothing', async () => {
    // Prepare
    const ticket = await open();

    // Act
    const response = await api('POST', `${tickets()}/${ticket.id}/replies`, { body: { body: '' } });

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'body' })]);
    expect(await storedEvents(ticket.id)).toHaveLength(1);
  });

  it('answers 404 for ids that are not tickets of this account', async () => {
    // Prepare
    const elsewhere = await createTenant('Ticketelsewhere');
    const foreign = await openTicketVia(
      gateway.url,
      await accessTokenFor(elsewhere.email),
      elsewhere.accountId
    );

    // Act
    const responses = await Promise.all(
      [foreign.id, '01ARZ3NDEKTSV4RRFFQ69G5FAV', 'not-an-id', '0'].flatMap((id) => [
        api('GET', `${tickets()}/${id}`),
        api('POST', `${tickets()}/${id}/replies`, { body: { body: 'Hello?' } }),
        api('POST', `${tickets()}/${id}/close`),
      ])
    );

    // Assess
    for (const response of responses) {
      expect(response.status, response.text).toBe(404);
      expect(response.body.detail).toBe('The ticket does not exist.');
    }
    expect(await storedEvents(foreign.id)).toHaveLength(1);
  });
});

describe('GET /accounts/{accountId}/tickets', () => {
  let listed: Tenant;
  let listedToken: string;
  const opened: string[] = [];

  beforeAll(async () => {
    listed = await createTenant('Ticketlist');
    listedToken = await accessTokenFor(listed.email);
    for (const subject of ['First', 'Second', 'Third', 'Fourth', 'Fifth']) {
      opened.push(
        (await openTicketVia(gateway.url, listedToken, listed.accountId, { subject })).id
      );
    }
    // Activity moves a ticket to the top: the first one is now the newest.
    await gateway.api('POST', `/accounts/${listed.accountId}/tickets/${opened[0]}/close`, {
      token: listedToken,
    });
  });

  const list = (query: string) =>
    gateway.api('GET', `/accounts/${listed.accountId}/tickets?${query}`, {
      token: listedToken,
    });

  it('pages through every ticket, newest activity first, without messages', async () => {
    // Act
    const pages = await readPages<{ id: string; messages?: unknown }>((andCursor) =>
      list(`limit=2${andCursor}`)
    );

    // Assess
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    const ids = pages.flat().map((ticket) => ticket.id);
    expect(ids).toEqual([opened[0], opened[4], opened[3], opened[2], opened[1]]);
    expect(pages.flat().some((ticket) => 'messages' in ticket)).toBe(false);
  });

  it('filters by status', async () => {
    // Act
    const closed = await list('status=closed');
    const open = await list('status=open&limit=3');

    // Assess
    expect((closed.body.items as { id: string }[]).map((t) => t.id)).toEqual([opened[0]]);
    expect(closed.body.cursor).toBeNull();
    expect((open.body.items as { id: string }[]).map((t) => t.id)).toEqual([
      opened[4],
      opened[3],
      opened[2],
    ]);
    const rest = await list(`status=open&limit=3&cursor=${open.body.cursor}`);
    expect((rest.body.items as { id: string }[]).map((t) => t.id)).toEqual([opened[1]]);
    expect(rest.body.cursor).toBeNull();
  });

  it.each([
    ['an unknown status', 'status=pending', 'status'],
    ['a limit of 0', 'limit=0', 'limit'],
    ['an unknown parameter', 'sort=asc', 'sort'],
  ])('refuses %s with 400', async (_case, query, field) => {
    // Act
    const response = await list(query);

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field })]);
  });

  it('refuses a cursor of another list with 400', async () => {
    // Prepare
    const foreignCursor = (await api('GET', `${tickets()}?limit=1`)).body.cursor as string;

    // Act
    const response = await list(`cursor=${foreignCursor}`);

    // Assess
    expect(foreignCursor).toBeTruthy();
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
