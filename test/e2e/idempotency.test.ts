/**
 * `Idempotency-Key` on creates (opening a ticket, adding a contact): a portal
 * that retries after a lost response, or a double click, must not create
 * twice.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useGateway } from '../support/gateway.ts';
import { problemType } from '../support/problems.ts';
import { staffAccessToken } from '../support/staff.ts';
import {
  accessTokenFor,
  addSubAccountLogin,
  signedInTenant,
  type Tenant,
} from '../support/tenants.ts';
import { storedEvents } from '../support/tickets.ts';

const gateway = useGateway();
let tenant: Tenant;
let token: string;

beforeAll(async () => {
  ({ tenant, token } = await signedInTenant('Idemco'));
});

const ticketsPath = () => `/accounts/${tenant.accountId}/tickets`;
const open = (body: unknown, key?: string, as = token) =>
  gateway.api('POST', ticketsPath(), {
    token: as,
    body,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });
const request = { subject: 'Site down', body: 'Our site answers 502 since 10:00.' };

describe('POST /accounts/{accountId}/tickets with Idempotency-Key', () => {
  it('answers a retry with the ticket the first request opened, and records one event', async () => {
    // Prepare
    const key = randomUUID();

    // Act
    const first = await open(request, key);
    const retry = await open(request, key);

    // Assess
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('location')).toBe(first.headers.get('location'));
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const list = await gateway.api('GET', ticketsPath(), { token });
    const ids = (list.body.items as { id: string; subject: string }[]).map((ticket) => ticket.id);
    expect(ids.filter((id) => id === first.body.id)).toHaveLength(1);
    expect(await storedEvents(first.body.id as string)).toHaveLength(1);
  });

  it('refuses the same key with a different request, and writes nothing', async () => {
    // Prepare
    const key = randomUUID();
    const first = await open(request, key);

    // Act
    const other = await open({ ...request, subject: 'Another problem' }, key);

    // Assess
    expect(first.status).toBe(201);
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
    expect(other.body.type).toBe(problemType('idempotencyKeyReused'));
    expect(other.body.errors).toEqual([
      {
        field: 'Idempotency-Key',
        code: 'already_used',
        message: 'Already used for a different request.',
      },
    ]);
    const list = await gateway.api('GET', ticketsPath(), { token });
    expect((list.body.items as { subject: string }[]).map((t) => t.subject)).not.toContain(
      'Another problem'
    );
  });

  it('keeps each login’s keys apart, and opens a new ticket per new key or without one', async () => {
    // Prepare
    const key = randomUUID();
    const colleague = await addSubAccountLogin(tenant, ['tickets']);
    const colleagueToken = await accessTokenFor(colleague.email);

    // Act
    const mine = await open(request, key);
    const theirs = await open(request, key, colleagueToken);
    const fresh = await open(request, randomUUID());
    const keyless = await open(request);

    // Assess
    expect([mine.status, theirs.status, fresh.status, keyless.status]).toEqual([
      201, 201, 201, 201,
    ]);
    const ids = new Set([mine.body.id, theirs.body.id, fresh.body.id, keyless.body.id]);
    expect(ids.size).toBe(4);
  });

  it('refuses a malformed key with a 400 problem before anything is written', async () => {
    // Act
    const response = await open(request, 'short');

    // Assess
    expect(response.status).toBe(400);
    expect(response.body.detail).toMatch(/Idempotency-Key must be 8 to 100 characters/);
  });
});

describe('POST /accounts/{accountId}/contacts with Idempotency-Key', () => {
  it('answers a retry with the contact the first request added, one contact and one audit entry', async () => {
    // Prepare
    const key = randomUUID();
    const contact = {
      firstName: 'Retry',
      lastName: 'Once',
      email: `retry-${key.slice(0, 8)}@elsewhere.example`,
      phone: '+441632960555',
      address: { line1: '9 Retry Row', city: 'Leeds', postcode: 'LS2 9AA', country: 'GB' },
    };
    const add = () =>
      gateway.api('POST', `/accounts/${tenant.accountId}/contacts`, {
        token,
        body: contact,
        headers: { 'idempotency-key': key },
      });

    // Act
    const first = await add();
    const retry = await add();

    // Assess
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const contacts = await gateway.api('GET', `/accounts/${tenant.accountId}/contacts?limit=100`, {
      token,
    });
    const emails = (contacts.body.items as { email: string }[]).map((item) => item.email);
    expect(emails.filter((email) => email === contact.email)).toHaveLength(1);
    const audit = await gateway.api('GET', `/accounts/${tenant.accountId}/audit?limit=100`, {
      token,
    });
    const created = (audit.body.items as { action: string; target: string }[]).filter(
      (entry) => entry.target === `contact/${first.body.id}`
    );
    expect(created.map((entry) => entry.action)).toEqual(['contact.created']);
  });
});

describe('replies with Idempotency-Key', () => {
  it('adds a contact’s reply and a staff answer once each, however often they are sent', async () => {
    // Prepare
    const opened = await open(request);
    const ticketId = opened.body.id as string;
    const staffToken = await staffAccessToken();
    const reply = (key: string) =>
      gateway.api('POST', `${ticketsPath()}/${ticketId}/replies`, {
        token,
        body: { body: 'Still down.' },
        headers: { 'idempotency-key': key },
      });
    const answer = (key: string) =>
      gateway.api('POST', `/staff/tickets/${ticketId}/replies`, {
        token: staffToken,
        body: { body: 'Looking into it.' },
        headers: { 'idempotency-key': key },
      });
    const [replyKey, answerKey] = [randomUUID(), randomUUID()];

    // Act
    const replies = [await reply(replyKey), await reply(replyKey)];
    const answers = [await answer(answerKey), await answer(answerKey)];

    // Assess
    expect([...replies, ...answers].map((response) => response.status)).toEqual([
      201, 201, 201, 201,
    ]);
    expect(replies[1]?.body).toEqual(replies[0]?.body);
    expect(answers[1]?.body).toEqual(answers[0]?.body);
    expect(answers[1]?.headers.get('idempotent-replayed')).toBe('true');
    const detail = await gateway.api('GET', `${ticketsPath()}/${ticketId}`, { token });
    expect((detail.body.messages as unknown[]).length).toBe(3);
    const events = (await storedEvents(ticketId)) as { type: string }[];
    expect(events.map((event) => event.type).sort()).toEqual(['answered', 'replied', 'submitted']);
  });

  it('treats one key on two routes as two requests', async () => {
    // Prepare
    const key = randomUUID();
    const opened = await open(request, key);

    // Act
    const reply = await gateway.api('POST', `${ticketsPath()}/${opened.body.id}/replies`, {
      token,
      body: { body: 'Same key, other route.' },
      headers: { 'idempotency-key': key },
    });

    // Assess
    expect([opened.status, reply.status]).toEqual([201, 201]);
    expect(reply.headers.get('idempotent-replayed')).toBeNull();
  });
});
