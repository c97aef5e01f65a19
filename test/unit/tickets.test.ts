import { describe, expect, it } from 'vitest';
import { maySee } from '#core/access/ticket-reach';
import { emailMessageIdFor, messageIdMarkerKeys } from '#core/entities/message-id';
import {
  listingKeyOf,
  type Ticket,
  ticketConversationQuery,
  ticketsInQueueQuery,
  ticketsOfAccountQuery,
  toTicketItem,
} from '#core/entities/ticket';
import { ticketEventKeys } from '#core/entities/ticket-event';
import { ticketLocatorKeys } from '#core/entities/ticket-locator';
import { ticketMessageKeys } from '#core/entities/ticket-message';
import { ConfigurationError, ENV, readMessageIdConfig } from '#core/platform/config';
import { isSortableId, sortableId } from '#core/platform/ids';
import {
  addMessage,
  closeTicket,
  MAX_MESSAGES,
} from '../../functions/core/workflows/ticket-conversation.ts';
import { assertMayOpenAbout, type Viewer } from '../../functions/tickets/visibility.ts';

const ticket: Ticket = {
  id: '01JD0000000000000000000000',
  accountId: 'a1',
  subject: 'Down',
  department: 'technical',
  serviceId: 's1',
  status: 'open',
  openedBy: { contactId: 'c-opener', name: 'Ann Opener', email: 'ann@x.example' },
  messageCount: 1,
  rootEmailMessageId: '<root@portico.example>',
  lastEmailMessageId: '<root@portico.example>',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const viewer = (overrides: Partial<Viewer>): Viewer => ({
  role: 'sub-account',
  contactId: 'c-other',
  supportScope: 'none',
  supportServiceIds: [],
  ...overrides,
});

describe('sortable ids', () => {
  it('are 26 Crockford characters that sort by creation time', () => {
    // Act
    const earlier = sortableId(new Date('2026-01-01T00:00:00Z'));
    const later = sortableId(new Date('2026-01-01T00:00:00.001Z'));

    // Assess
    expect(isSortableId(earlier)).toBe(true);
    expect(earlier < later).toBe(true);
    expect(isSortableId('not-an-id')).toBe(false);
    expect(isSortableId(earlier.slice(0, 10))).toBe(false);
  });
});

describe('ticket keys', () => {
  it('keeps the ticket and its messages under one prefix of the account partition', () => {
    // Act
    const item = toTicketItem(ticket);
    const message = ticketMessageKeys({
      accountId: 'a1',
      ticketId: ticket.id,
      createdAt: '2026-01-01T00:00:01.000Z',
      id: 'm1',
    });
    const query = ticketConversationQuery({ accountId: 'a1', ticketId: ticket.id });

    // Assess
    expect(item).toMatchObject({ pk: 'ACCOUNT#a1', sk: `TICKET#${ticket.id}` });
    expect(message).toEqual({
      pk: 'ACCOUNT#a1',
      sk: `TICKET#${ticket.id}#MSG#2026-01-01T00:00:01.000Z#m1`,
    });
    expect(query.ExpressionAttributeValues).toEqual({
      ':pk': 'ACCOUNT#a1',
      ':ticket': `TICKET#${ticket.id}`,
    });
    expect(query.ConsistentRead).toBe(true);
  });

  it('lists per account and per turn by latest activity, either way for the queue', () => {
    // Act
    const item = toTicketItem(ticket);
    const perAccount = ticketsOfAccountQuery('a1', { limit: 5 });
    const perTurn = ticketsInQueueQuery('waiting', { limit: 5, newestFirst: true });
    const oldestFirst = ticketsInQueueQuery('closed', { limit: 5, newestFirst: false });
    const replied = toTicketItem({ ...ticket, status: 'customer-reply' });

    // Assess
    expect(item).toMatchObject({
      gsi1pk: 'ACCOUNT#a1#TICKETS',
      gsi1sk: `2026-01-01T00:00:00.000Z#${ticket.id}`,
      gsi2pk: 'TICKETQUEUE#waiting',
      gsi2sk: `2026-01-01T00:00:00.000Z#a1#${ticket.id}`,
    });
    expect(replied.gsi2pk).toBe('TICKETQUEUE#waiting');
    expect(perAccount).toMatchObject({ IndexName: 'gsi1', ScanIndexForward: false, Limit: 5 });
    expect(perTurn).toMatchObject({
      IndexName: 'gsi2',
      ScanIndexForward: false,
      ExpressionAttributeValues: { ':pk': 'TICKETQUEUE#waiting' },
    });
    expect(oldestFirst).toMatchObject({
      ScanIndexForward: true,
      ExpressionAttributeValues: { ':pk': 'TICKETQUEUE#closed' },
    });
    expect(listingKeyOf(item, 'gsi2')).toEqual({
      pk: item.pk,
      sk: item.sk,
      gsi2pk: item.gsi2pk,
      gsi2sk: item.gsi2sk,
    });
  });

  it('keeps events and the locator in a partition of the ticket, outside the account', () => {
    // Act
    const event = ticketEventKeys({ ticketId: 't1', at: '2026-01-01T00:00:00.000Z', id: 'e1' });

    // Assess
    expect(event).toEqual({ pk: 'TICKET#t1', sk: 'EVENT#2026-01-01T00:00:00.000Z#e1' });
    expect(ticketLocatorKeys('t1')).toEqual({ pk: 'TICKET#t1', sk: 'TICKET' });
  });

  it('mints Message-IDs at our domain and finds the marker however a mail client wrote it', () => {
    // Act
    const messageId = emailMessageIdFor('01JD0000000000000000000000', 'Portico.Example');

    // Assess
    expect(messageId).toBe('<01jd0000000000000000000000@portico.example>');
    expect(messageIdMarkerKeys(' 01JD0000000000000000000000@portico.example ')).toEqual(
      messageIdMarkerKeys(messageId)
    );
    expect(messageIdMarkerKeys(messageId).pk).toBe(
      'MSGID#01jd0000000000000000000000@portico.example'
    );
  });
});

describe('visibility', () => {
  it.each([
    ['the primary', viewer({ role: 'primary' }), true],
    ['a global contact', viewer({ supportScope: 'global' }), true],
    [
      'an isolated contact of the service',
      viewer({ supportScope: 'isolated', supportServiceIds: ['s1'] }),
      true,
    ],
    [
      'an isolated contact of another service',
      viewer({ supportScope: 'isolated', supportServiceIds: ['s2'] }),
      false,
    ],
    ['a none contact', viewer({}), false],
    ['the opener with scope none', viewer({ contactId: 'c-opener' }), true],
    ['a none contact listing s1 somehow', viewer({ supportServiceIds: ['s1'] }), false],
  ])('%s: %s', (_who, who, expected) => {
    // Act & Assess
    expect(maySee(who, ticket)).toBe(expected);
  });

  it('lets only those who may support a service open a ticket about it', () => {
    // Act & Assess
    expect(() => assertMayOpenAbout(viewer({ role: 'primary' }), 's9')).not.toThrow();
    expect(() => assertMayOpenAbout(viewer({ supportScope: 'global' }), 's9')).not.toThrow();
    expect(() =>
      assertMayOpenAbout(viewer({ supportScope: 'isolated', supportServiceIds: ['s1'] }), 's1')
    ).not.toThrow();
    expect(() =>
      assertMayOpenAbout(viewer({ supportScope: 'isolated', supportServiceIds: ['s1'] }), 's2')
    ).toThrow(expect.objectContaining({ statusCode: 403 }));
    expect(() => assertMayOpenAbout(viewer({}), 's1')).toThrow(
      expect.objectContaining({ statusCode: 403 })
    );
  });
});

describe('status machine', () => {
  const contact = { kind: 'contact', contactId: 'c1', name: 'Ann', email: 'a@x.example' } as const;
  const now = new Date('2026-01-02T00:00:00Z');

  it('sets customer-reply on a contact reply, answered on a staff answer, also on a closed ticket', () => {
    // Act
    const replied = addMessage({ ...ticket, status: 'closed' }, 'replied', contact, 'Hi', now);
    const answered = addMessage(
      ticket,
      'answered',
      { kind: 'staff', staffId: 's', username: 'u', name: 'Helpdesk' },
      'Hello',
      now
    );

    // Assess
    expect(replied.ticket).toMatchObject({ status: 'customer-reply', messageCount: 2, version: 2 });
    expect(replied.message.inReplyTo).toBe(ticket.lastEmailMessageId);
    expect(replied.ticket.lastEmailMessageId).toBe(replied.message.emailMessageId);
    expect(answered.ticket.status).toBe('answered');
    // ticket image, message, Message-ID marker, event: one transaction.
    expect(replied.writes).toHaveLength(4);
  });

  it('closes once: closing a closed ticket writes nothing', () => {
    // Act
    const closed = closeTicket(ticket, contact, now);
    const again = closeTicket(closed.ticket, contact, now);

    // Assess
    expect(closed.ticket.status).toBe('closed');
    expect(closed.writes).toHaveLength(2);
    expect(again.writes).toEqual([]);
  });

  it('refuses a message past the limit of a ticket', () => {
    // Act & Assess
    expect(() =>
      addMessage({ ...ticket, messageCount: MAX_MESSAGES }, 'replied', contact, 'One more', now)
    ).toThrow(expect.objectContaining({ statusCode: 409 }));
  });
});

describe('Message-ID configuration', () => {
  it('fails fast without a domain, or with something that is not one', () => {
    // Prepare
    const saved = process.env[ENV.messageIdDomain];

    // Act & Assess
    try {
      for (const value of ['', 'not a domain', 'no-reply@portico.example']) {
        process.env[ENV.messageIdDomain] = value;
        expect(() => readMessageIdConfig()).toThrow(ConfigurationError);
      }
      process.env[ENV.messageIdDomain] = 'Mail.Portico.Example';
      expect(readMessageIdConfig()).toEqual({ domain: 'mail.portico.example' });
    } finally {
      process.env[ENV.messageIdDomain] = saved;
    }
  });
});
