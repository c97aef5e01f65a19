import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maySee } from '#core/access/ticket-reach';
import { type MailReader, ticketMailRecipients } from '../../functions/notify/ticket-recipients.ts';
import { account, SERVICES } from '../support/mail-readers.ts';

const ticketOf = (readers: MailReader[]) =>
  fc.record({
    openedBy: fc.constantFrom(...readers.map(({ contactId }) => ({ contactId }))),
    serviceId: fc.option(fc.constantFrom(...SERVICES), { nil: undefined }),
  });

const accountAndTicket = account.chain((readers) =>
  ticketOf(readers).map((ticket) => ({ readers, ticket }))
);

/** What the API lets a login read: active, holding `tickets`, and the ticket within its reach. */
const apiShows = (
  reader: MailReader,
  ticket: { openedBy: { contactId: string }; serviceId?: string }
) =>
  reader.login !== undefined &&
  reader.login.status === 'active' &&
  reader.login.permissions.includes('tickets') &&
  maySee({ role: 'sub-account', ...reader }, ticket);

const normalised = (email: string) => email.trim().toLowerCase();

describe('ticketMailRecipients', () => {
  it('always mails the primary, once', () => {
    fc.assert(
      fc.property(accountAndTicket, ({ readers, ticket }) => {
        // Act
        const recipients = ticketMailRecipients(ticket, readers);

        // Assess
        expect(recipients.filter((recipient) => recipient.reason === 'primary')).toEqual([
          expect.objectContaining({ contactId: 'c-primary' }),
        ]);
      })
    );
  });

  it('mails nobody but the primary about a ticket the API would hide from their login', () => {
    fc.assert(
      fc.property(accountAndTicket, ({ readers, ticket }) => {
        // Act
        const recipients = ticketMailRecipients(ticket, readers);

        // Assess
        for (const recipient of recipients.filter(({ reason }) => reason !== 'primary')) {
          const who = readers.find(({ contactId }) => contactId === recipient.contactId);
          expect(who?.emailPreferences.support).toBe(true);
          if (who?.login) expect(apiShows(who, ticket)).toBe(true);
          else expect(who && maySee({ role: 'sub-account', ...who }, ticket)).toBe(true);
        }
      })
    );
  });

  it('mails every login that can read the ticket and has support mail on, at its address', () => {
    fc.assert(
      fc.property(accountAndTicket, ({ readers, ticket }) => {
        // Act
        const mailed = new Set(
          ticketMailRecipients(ticket, readers).map(({ email }) => normalised(email))
        );

        // Assess
        for (const who of readers.filter(
          (r) => r.emailPreferences.support && apiShows(r, ticket)
        )) {
          expect(mailed.has(normalised(who.email))).toBe(true);
        }
      })
    );
  });

  it('writes one mail per address, whatever its case', () => {
    fc.assert(
      fc.property(accountAndTicket, ({ readers, ticket }) => {
        // Act
        const addresses = ticketMailRecipients(ticket, readers).map(({ email }) =>
          normalised(email)
        );

        // Assess
        expect(new Set(addresses).size).toBe(addresses.length);
      })
    );
  });

  it('leaves out an isolated contact of another service, support mail off, and a suspended login', () => {
    // Prepare
    const base = {
      language: 'en',
      emailPreferences: {
        general: true,
        product: false,
        domain: false,
        invoice: false,
        support: true,
      },
      supportServiceIds: [] as string[],
    };
    const readers: MailReader[] = [
      { ...base, contactId: 'p', email: 'p@x.example', isPrimary: true, supportScope: 'global' },
      {
        ...base,
        contactId: 'other-service',
        email: 'o@x.example',
        isPrimary: false,
        supportScope: 'isolated',
        supportServiceIds: ['s-2'],
      },
      {
        ...base,
        contactId: 'this-service',
        email: 't@x.example',
        isPrimary: false,
        supportScope: 'isolated',
        supportServiceIds: ['s-1'],
      },
      {
        ...base,
        contactId: 'quiet',
        email: 'q@x.example',
        isPrimary: false,
        supportScope: 'global',
        emailPreferences: { ...base.emailPreferences, support: false },
      },
      {
        ...base,
        contactId: 'suspended',
        email: 's@x.example',
        isPrimary: false,
        supportScope: 'global',
        login: { status: 'suspended', permissions: ['tickets'] },
      },
      {
        ...base,
        contactId: 'no-tickets',
        email: 'n@x.example',
        isPrimary: false,
        supportScope: 'global',
        login: { status: 'active', permissions: ['invoices'] },
      },
      {
        ...base,
        contactId: 'mail-only',
        email: 'm@x.example',
        isPrimary: false,
        supportScope: 'global',
      },
    ];

    // Act
    const recipients = ticketMailRecipients(
      { openedBy: { contactId: 'p' }, serviceId: 's-1' },
      readers
    );

    // Assess
    expect(recipients.map(({ contactId, reason }) => [contactId, reason])).toEqual([
      ['p', 'primary'],
      ['this-service', 'support'],
      ['mail-only', 'support'],
    ]);
  });
});
