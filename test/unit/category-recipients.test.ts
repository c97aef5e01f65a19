import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CategoryMail,
  categoryMailRecipients,
} from '../../functions/notify/category-recipients.ts';
import type { MailReader } from '../../functions/notify/ticket-recipients.ts';
import { account, SERVICES } from '../support/mail-readers.ts';

const mail: fc.Arbitrary<CategoryMail> = fc.oneof(
  fc.record({
    category: fc.constantFrom('general', 'product', 'domain', 'invoice') as fc.Arbitrary<
      CategoryMail['category']
    >,
  }),
  fc.record({
    category: fc.constantFrom('general', 'product', 'domain') as fc.Arbitrary<
      CategoryMail['category']
    >,
    serviceIds: fc.subarray(SERVICES, { minLength: 1 }),
  })
);

const cases = fc.tuple(account, mail);
const normalised = (email: string) => email.trim().toLowerCase();
const mailedIds = (readers: MailReader[], m: CategoryMail) =>
  new Set(categoryMailRecipients(m, readers).recipients.map((r) => r.contactId));

describe('categoryMailRecipients', () => {
  it('mails no contact whose category is off, except the primary for invoices', () => {
    fc.assert(
      fc.property(cases, ([readers, m]) => {
        // Act
        const mailed = mailedIds(readers, m);

        // Assess
        for (const reader of readers) {
          if (reader.emailPreferences[m.category]) continue;
          if (m.category === 'invoice' && reader.isPrimary) continue;
          expect(mailed.has(reader.contactId)).toBe(false);
        }
      })
    );
  });

  it('mails the primary about every invoice, whatever its preferences', () => {
    fc.assert(
      fc.property(account, (readers) => {
        // Act
        const mailed = mailedIds(readers, { category: 'invoice' });

        // Assess
        expect(mailed.has('c-primary')).toBe(true);
      })
    );
  });

  it('mails no sub-account whose login is suspended (the primary cannot be suspended)', () => {
    fc.assert(
      fc.property(cases, ([readers, m]) => {
        // Act
        const mailed = mailedIds(readers, m);

        // Assess
        for (const reader of readers.filter((r) => !r.isPrimary && r.login?.status === 'suspended'))
          expect(mailed.has(reader.contactId)).toBe(false);
      })
    );
  });

  it('tells no login of an invoice the API would hide from it', () => {
    fc.assert(
      fc.property(account, (readers) => {
        // Act
        const mailed = mailedIds(readers, { category: 'invoice' });

        // Assess
        for (const reader of readers) {
          if (reader.isPrimary || !reader.login || !mailed.has(reader.contactId)) continue;
          expect(reader.login.status).toBe('active');
          expect(reader.login.permissions).toContain('invoices');
        }
      })
    );
  });

  it('mails an isolated contact about services only when one of them is assigned to it', () => {
    fc.assert(
      fc.property(account, fc.subarray(SERVICES, { minLength: 1 }), (readers, serviceIds) => {
        // Act
        const mailed = mailedIds(readers, { category: 'general', serviceIds });

        // Assess
        for (const reader of readers) {
          if (reader.supportScope !== 'isolated' || !mailed.has(reader.contactId)) continue;
          expect(reader.supportServiceIds.some((id) => serviceIds.includes(id))).toBe(true);
        }
      })
    );
  });

  it('mails every contact the rules let through, each address once, and names why each other was not', () => {
    fc.assert(
      fc.property(cases, ([readers, m]) => {
        // Act
        const { recipients, skipped } = categoryMailRecipients(m, readers);

        // Assess
        const addresses = recipients.map((r) => normalised(r.email));
        expect(new Set(addresses).size).toBe(addresses.length);
        expect(recipients.length + skipped.length).toBe(readers.length);
        const duplicates = skipped.filter((s) => s.reason === 'duplicateAddress');
        for (const { contactId } of duplicates) {
          const reader = readers.find((r) => r.contactId === contactId);
          expect(addresses).toContain(normalised(reader?.email ?? ''));
        }
      })
    );
  });

  it('reaches an eligible contact of each address: a contact with its category on, no suspended login and in scope is mailed or shares a mailed address', () => {
    // Prepare
    const readers: MailReader[] = [
      {
        contactId: 'c-primary',
        email: 'owner@x.example',
        language: 'en',
        isPrimary: true,
        emailPreferences: {
          general: true,
          product: true,
          domain: true,
          invoice: false,
          support: true,
        },
        supportScope: 'global',
        supportServiceIds: [],
      },
      {
        contactId: 'c-isolated-other',
        email: 'iso@x.example',
        language: 'es',
        isPrimary: false,
        emailPreferences: {
          general: true,
          product: false,
          domain: false,
          invoice: false,
          support: false,
        },
        supportScope: 'isolated',
        supportServiceIds: ['s-2'],
      },
      {
        contactId: 'c-global',
        email: 'global@x.example',
        language: 'en',
        isPrimary: false,
        emailPreferences: {
          general: true,
          product: false,
          domain: false,
          invoice: true,
          support: false,
        },
        supportScope: 'global',
        supportServiceIds: [],
        login: { status: 'active', permissions: ['services'] },
      },
    ];

    // Act
    const notice = categoryMailRecipients({ category: 'general', serviceIds: ['s-1'] }, readers);
    const invoice = categoryMailRecipients({ category: 'invoice' }, readers);

    // Assess
    expect(notice.recipients.map((r) => r.contactId)).toEqual(['c-primary', 'c-global']);
    expect(notice.skipped).toEqual([{ contactId: 'c-isolated-other', reason: 'notAssigned' }]);
    expect(invoice.recipients.map((r) => r.contactId)).toEqual(['c-primary']);
    expect(invoice.skipped).toEqual([
      { contactId: 'c-isolated-other', reason: 'categoryOff' },
      { contactId: 'c-global', reason: 'noInvoiceAccess' },
    ]);
  });
});
