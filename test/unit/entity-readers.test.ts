/**
 * Each entity reads what its declaration says and writes the item it always
 * wrote: keys, entity tag and the declared attributes, absent optional ones
 * left out.
 */
import { describe, expect, it } from 'vitest';
import { ItemShapeError } from '#core/entities/attributes';
import {
  ALL_EMAIL_PREFERENCES,
  type Contact,
  fromContactItem,
  toContactItem,
} from '#core/entities/contact';
import { fromTicketItem, type Ticket, toTicketItem } from '#core/entities/ticket';
import {
  createTicketEventPut,
  fromTicketEventItem,
  type TicketEvent,
} from '#core/entities/ticket-event';
import { fromTrafficMonthItem, ipsOfTrafficMonth } from '#core/entities/traffic-month';
import { replaceTrafficPut, sampleBefore } from '#core/entities/usage';

const AT = '2026-01-01T00:00:00.000Z';

const contact: Contact = {
  id: 'c1',
  accountId: 'a1',
  kind: 'organisation',
  firstName: 'Alex',
  lastName: 'Morgan',
  companyName: 'Morgan Ltd',
  email: 'alex@demo.example',
  phone: '+441632960961',
  address: { line1: '1 Harbour Street', city: 'Bristol', postcode: 'BS1 4DJ', country: 'GB' },
  language: 'es',
  emailPreferences: ALL_EMAIL_PREFERENCES,
  supportScope: 'isolated',
  assignedServices: [{ id: 's1', type: 'vps', assignedAt: AT }],
  subAccount: { status: 'active', permissions: ['tickets'] },
  isPrimary: false,
  version: 3,
  createdAt: AT,
  updatedAt: AT,
};

const ticket: Ticket = {
  id: '01JD0000000000000000000000',
  accountId: 'a1',
  subject: 'Down',
  department: 'billing',
  status: 'customer-reply',
  openedBy: { contactId: 'c1', name: 'Alex Morgan', email: 'alex@demo.example' },
  messageCount: 2,
  rootEmailMessageId: '<root@portico.example>',
  lastEmailMessageId: '<second@portico.example>',
  version: 2,
  createdAt: AT,
  updatedAt: AT,
};

const event: TicketEvent = {
  id: '01JD0000000000000000000001',
  type: 'closed',
  at: AT,
  accountId: 'a1',
  ticketId: ticket.id,
  subject: 'Down',
  department: 'technical',
  openedBy: ticket.openedBy,
  author: { kind: 'staff', staffId: 'st1', username: 'ann@portico.example', name: 'Ann' },
  status: 'closed',
  rootEmailMessageId: '<root@portico.example>',
};

const eventItem = (value: TicketEvent) =>
  createTicketEventPut(value).Item as Record<string, unknown>;

describe('contact reader and writer', () => {
  it('writes keys, tag and the contact, and reads the same contact back', () => {
    // Act
    const item = toContactItem(contact);

    // Assess
    const { pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, entity, ...attributes } = item;
    expect([pk, sk, entity]).toEqual(['ACCOUNT#a1', 'CONTACT#c1', 'contact']);
    expect([gsi1pk, gsi1sk, gsi2pk, gsi2sk].every((key) => typeof key === 'string')).toBe(true);
    expect(attributes).toStrictEqual(contact);
    expect(fromContactItem(item)).toStrictEqual(contact);
  });

  it('leaves absent optional attributes absent and reads older items with their defaults', () => {
    // Prepare
    const {
      companyName: _company,
      language: _language,
      assignedServices: _services,
      subAccount: _sub,
      isPrimary: _primary,
      ...older
    } = toContactItem({ ...contact, kind: 'individual' });

    // Act
    const read = fromContactItem(older);

    // Assess
    for (const absent of ['companyName', 'taxId', 'loginId', 'emailChange']) {
      expect(absent in read, absent).toBe(false);
    }
    expect(read).toMatchObject({
      language: 'en',
      assignedServices: [],
      subAccount: null,
      isPrimary: false,
    });
  });

  it.each([
    ['kind', 'person', 'one of individual, organisation'],
    ['version', '3', 'an integer'],
    ['address', 'Bristol', 'an object'],
    ['language', 'fr', 'one of en, es'],
    ['assignedServices', ['s1'], 'a list of objects'],
    ['subAccount', 'active', 'an object'],
    ['isPrimary', 'yes', 'a boolean'],
    ['loginId', 42, 'a string'],
  ])('refuses a contact item whose %s is %j', (attribute, value, expected) => {
    // Act
    const read = () => fromContactItem({ ...toContactItem(contact), [attribute]: value });

    // Assess
    expect(read).toThrow(ItemShapeError);
    expect(read).toThrow(`contact item: attribute "${attribute}" is not ${expected}`);
  });
});

describe('ticket reader and writer', () => {
  it('writes keys, listing keys, tag and the ticket, and reads it back without a service', () => {
    // Act
    const item = toTicketItem(ticket);

    // Assess
    const { pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, entity, ...attributes } = item;
    expect([pk, sk, entity]).toEqual(['ACCOUNT#a1', `TICKET#${ticket.id}`, 'ticket']);
    expect([gsi1pk, gsi1sk, gsi2pk, gsi2sk].every((key) => typeof key === 'string')).toBe(true);
    expect(attributes).toStrictEqual(ticket);
    expect('serviceId' in item).toBe(false);
    expect(fromTicketItem(item)).toStrictEqual(ticket);
  });

  it.each([
    ['status', 'pending', 'one of open, answered, customer-reply, closed'],
    ['department', 'legal', 'one of technical, billing, sales'],
    ['messageCount', undefined, 'an integer'],
    ['openedBy', 'Alex', 'an object'],
    ['serviceId', 7, 'a string'],
  ])('refuses a ticket item whose %s is %j', (attribute, value, expected) => {
    // Act
    const read = () => fromTicketItem({ ...toTicketItem(ticket), [attribute]: value });

    // Assess
    expect(read).toThrow(ItemShapeError);
    expect(read).toThrow(`ticket item: attribute "${attribute}" is not ${expected}`);
  });
});

describe('ticket event reader and writer', () => {
  it('writes an event without a message as it reads it, optional attributes absent', () => {
    // Act
    const item = eventItem(event);

    // Assess
    const { pk, sk, entity, ...attributes } = item;
    expect([pk, entity]).toEqual([`TICKET#${ticket.id}`, 'ticketEvent']);
    expect(sk).toBe(`EVENT#${AT}#${event.id}`);
    expect(attributes).toStrictEqual(event);
    expect(fromTicketEventItem(item)).toStrictEqual(event);
    for (const absent of ['serviceId', 'messageId', 'emailMessageId', 'inReplyTo']) {
      expect(absent in fromTicketEventItem(item), absent).toBe(false);
    }
  });

  it.each([
    ['type', 'deleted', 'one of submitted, replied, answered, closed, reopened, marked-answered'],
    ['author', null, 'an object'],
    ['rootEmailMessageId', undefined, 'a string'],
    ['inReplyTo', ['<a@b>'], 'a string'],
  ])('refuses a ticket event item whose %s is %j', (attribute, value, expected) => {
    // Act
    const read = () => fromTicketEventItem({ ...eventItem(event), [attribute]: value });

    // Assess
    expect(read).toThrow(ItemShapeError);
    expect(read).toThrow(`ticketEvent item: attribute "${attribute}" is not ${expected}`);
  });
});

describe('traffic month and sample readers', () => {
  const month = {
    entity: 'trafficMonth',
    month: '2026-01',
    inBytes: 30,
    outBytes: 7,
    ipCount: 2,
    'in#192.0.2.1': 10,
    'out#192.0.2.1': 5,
    'in#192.0.2.2': 20,
  };

  it('reads the totals and each IP, an IP without its out number counting 0', () => {
    // Act
    const read = fromTrafficMonthItem(month);

    // Assess
    expect(read).toStrictEqual({
      month: '2026-01',
      inBytes: 30,
      outBytes: 7,
      ips: [
        { ip: '192.0.2.2', inBytes: 20, outBytes: 0 },
        { ip: '192.0.2.1', inBytes: 10, outBytes: 5 },
      ],
    });
    expect(ipsOfTrafficMonth(month)).toEqual({
      ips: new Set(['192.0.2.1', '192.0.2.2']),
      ipCount: 2,
    });
    expect(ipsOfTrafficMonth({ month: '2026-01' }).ipCount).toBe(0);
  });

  it.each([
    ['month', undefined, 'a string'],
    ['inBytes', '30', 'an integer'],
    ['in#192.0.2.1', '10', 'an integer'],
    ['out#192.0.2.1', 5.5, 'an integer'],
  ])('refuses a traffic month item whose %s is %j', (attribute, value, expected) => {
    // Act
    const read = () => fromTrafficMonthItem({ ...month, [attribute]: value });

    // Assess
    expect(read).toThrow(ItemShapeError);
    expect(read).toThrow(`trafficMonth item: attribute "${attribute}" is not ${expected}`);
  });

  it('refuses a month whose IP count is not a number', () => {
    // Act
    const read = () => ipsOfTrafficMonth({ ...month, ipCount: '2' });

    // Assess
    expect(read).toThrow('trafficMonth item: attribute "ipCount" is not an integer');
  });

  it('reads a counted sample for its bytes, and refuses one whose bytes are not numbers', () => {
    // Prepare
    const ids = { accountId: 'a1', serviceId: 's1' };
    const sample = { ip: '192.0.2.1', at: AT, periodSeconds: 300, inBytes: 4, outBytes: 2 };
    const stored = replaceTrafficPut(ids, sample, AT, { state: 'absent' }).Item;

    // Act
    const before = sampleBefore(stored);
    const broken = () => sampleBefore({ ...stored, outBytes: null });

    // Assess
    expect(before).toStrictEqual({ state: 'counted', inBytes: 4, outBytes: 2 });
    expect(broken).toThrow('traffic item: attribute "outBytes" is not an integer');
  });
});
