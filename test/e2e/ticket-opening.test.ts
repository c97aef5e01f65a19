/** Opening a ticket: what is stored with it, and what is refused. */
import { describe, expect, it } from 'vitest';
import { addService } from '../support/services.ts';
import { createTenant } from '../support/tenants.ts';
import {
  MESSAGE_ID,
  storedEvents,
  storedLocator,
  storedMarker,
  storedMessages,
  useTicketTenant,
} from '../support/tickets.ts';

const holder = useTicketTenant('Ticketco');
const { api, tickets, open } = holder;

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
      openedBy: { contactId: holder.tenant.primaryContactId, email: holder.tenant.email },
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
    const [message] = await storedMessages(holder.tenant.accountId, ticket.id);
    expect(message?.emailMessageId).toMatch(MESSAGE_ID);
    expect(await storedEvents(ticket.id)).toEqual([
      expect.objectContaining({
        type: 'submitted',
        accountId: holder.tenant.accountId,
        ticketId: ticket.id,
        messageId: message?.id,
        emailMessageId: message?.emailMessageId,
        rootEmailMessageId: message?.emailMessageId,
        author: expect.objectContaining({
          kind: 'contact',
          contactId: holder.tenant.primaryContactId,
        }),
        status: 'open',
        department: 'billing',
        subject: 'Website down',
      }),
    ]);
    expect(await storedMarker(message?.emailMessageId ?? '')).toMatchObject({
      accountId: holder.tenant.accountId,
      ticketId: ticket.id,
      messageId: message?.id,
    });
    expect(await storedLocator(ticket.id)).toMatchObject({ accountId: holder.tenant.accountId });
  });

  it('opens a ticket about a service of the account', async () => {
    // Prepare
    const service = await addService(holder.tenant, { type: 'vps' });

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
