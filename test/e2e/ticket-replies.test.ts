/** Replying to and closing a ticket: status moves, events, Message-ID threading, refusals. */
import { describe, expect, it } from 'vitest';
import { writeTogether } from '#core/db/transact';
import type { Ticket } from '#core/entities/ticket';
import { tableStore } from '#core/table/function-store';
import { addMessage, staleTicket } from '../../functions/core/workflows/ticket-conversation.ts';
import { loadTicket } from '../../functions/tickets/store.ts';
import { accessTokenFor, createTenant } from '../support/tenants.ts';
import {
  MESSAGE_ID,
  openTicketVia,
  storedEvents,
  storedMarker,
  storedMessages,
  useTicketTenant,
} from '../support/tickets.ts';

const holder = useTicketTenant('Ticketco');
const { api, tickets, open, gateway } = holder;

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

    const messages = await storedMessages(holder.tenant.accountId, ticket.id);
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
      ...(await storedMessages(holder.tenant.accountId, first.id)),
      ...(await storedMessages(holder.tenant.accountId, second.id)),
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
    const stale = await loadTicket(tableStore, {
      accountId: holder.tenant.accountId,
      ticketId: ticket.id,
    });
    await api('POST', `${tickets()}/${ticket.id}/replies`, { body: { body: 'First' } });
    const author = {
      kind: 'contact',
      contactId: holder.tenant.primaryContactId,
      name: 'Stale',
      email: holder.tenant.email,
    } as const;

    // Act
    const change = addMessage(stale as Ticket, 'replied', author, 'From a stale read', new Date());
    const failure = await writeTogether(change.writes, staleTicket, tableStore).catch(
      (error) => error
    );

    // Assess
    expect(failure).toMatchObject({ statusCode: 409 });
    expect((await storedEvents(ticket.id)).map((event) => event.type)).toEqual([
      'submitted',
      'replied',
    ]);
    expect(await storedMarker(change.message.emailMessageId)).toBeUndefined();
    expect(await storedMessages(holder.tenant.accountId, ticket.id)).toHaveLength(2);
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
