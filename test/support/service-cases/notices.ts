/**
 * Staff notices and invoice mail (functions/notify/notices.ts,
 * invoice-fan-out.ts) as cases on any TableStore: who gets a delivery, who
 * must not, that replays write nothing twice, and the counts the staff
 * route shows. Run on the in-memory table (unit) and on DynamoDB Local
 * (integration).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ALL_EMAIL_PREFERENCES, type Contact } from '#core/entities/contact';
import { deliveriesOfSourceQuery, fromDeliveryItem } from '#core/entities/delivery';
import { createInvoicePut, type Invoice, invoiceMailSource } from '#core/entities/invoice';
import { queryAll, type TableStore } from '#core/table/store';
import { fanOutInvoice } from '../../../functions/notify/invoice-fan-out.ts';
import { noticeDeliveriesOf, runNotice, storeNotice, workItemsOf } from '../notices.ts';
import { newAccount, storeAccount } from '../store-accounts.ts';
import { emailLogOf, sortedAddresses, suppress, uniqueAddress } from '../ticket-mail.ts';
import { AT, assignedTo } from './common.ts';

const GENERAL_OFF = { ...ALL_EMAIL_PREFERENCES, general: false };
const INVOICE_OFF = { ...ALL_EMAIL_PREFERENCES, invoice: false };

/** An account with a contact of every kind the notice rule tells apart, each at its own address. */
const customer = async (store: TableStore) => {
  const account = newAccount();
  const mine = (label: string) => ({ email: uniqueAddress(label) });
  const here = account.service({ server: `srv-${randomUUID()}` });
  const elsewhere = account.service();
  const contacts = {
    primary: { ...account.primary, ...mine('primary') },
    global: account.contact('global', { ...mine('global'), supportScope: 'global' }),
    isolatedHere: account.contact('here', {
      ...mine('here'),
      supportScope: 'isolated',
      assignedServices: assignedTo(here),
    }),
    isolatedElsewhere: account.contact('elsewhere', {
      ...mine('elsewhere'),
      supportScope: 'isolated',
      assignedServices: assignedTo(elsewhere),
    }),
    generalOff: account.contact('quiet', { ...mine('quiet'), emailPreferences: GENERAL_OFF }),
    suspended: account.subAccount('suspended', ['services'], {
      ...mine('suspended'),
      subAccount: { status: 'suspended', permissions: ['services'] },
    }),
  };
  await storeAccount(store, { contacts: Object.values(contacts), services: [here, elsewhere] });
  return { account, here, elsewhere, contacts };
};

const addressesOf = (...contacts: Contact[]) =>
  sortedAddresses(contacts.map(({ email }) => ({ address: email })));

const invoiceOf = (accountId: string): Invoice => ({
  accountId,
  number: `INV-${randomUUID().slice(0, 8)}`,
  issuedAt: '2026-12-01',
  dueAt: '2026-12-31',
  currency: 'EUR',
  net: '100.00',
  tax: '21.00',
  total: '121.00',
  status: 'open',
  lines: [
    {
      description: 'Hosting',
      quantity: 1,
      unitPrice: '100.00',
      net: '100.00',
      tax: '21.00',
      total: '121.00',
    },
  ],
  version: 1,
  createdAt: AT,
  updatedAt: AT,
});

export const describeNotices = (name: string, openStore: () => TableStore) =>
  describe(`${name}: staff notices and invoice mail`, () => {
    it('mails every contact of a named account with the category on, and no suspended login, no category off, no other account', async () => {
      // Prepare
      const store = openStore();
      const { account, contacts } = await customer(store);
      const other = await customer(store);
      const notice = await storeNotice(store, { accountIds: [account.accountId] });

      // Act
      const view = await runNotice(store, notice);

      // Assess
      const { primary, global, isolatedHere, isolatedElsewhere } = contacts;
      expect(sortedAddresses(await noticeDeliveriesOf(store, notice.id))).toEqual(
        addressesOf(primary, global, isolatedHere, isolatedElsewhere)
      );
      expect(view).toMatchObject({
        accounts: { inScope: 1, done: 1 },
        recipients: 4,
        skipped: { total: 2, reasons: { categoryOff: 1, loginSuspended: 1 } },
      });
      expect(await emailLogOf(store, other.account.accountId)).toEqual([]);
    });

    it('reaches isolated contacts of a service-scoped notice only for their assigned services', async () => {
      // Prepare
      const store = openStore();
      const { account, here, contacts } = await customer(store);
      const notice = await storeNotice(store, {
        services: [{ accountId: account.accountId, serviceId: here.id }],
      });

      // Act
      const view = await runNotice(store, notice);

      // Assess
      const deliveries = await noticeDeliveriesOf(store, notice.id);
      expect(sortedAddresses(deliveries)).toEqual(
        addressesOf(contacts.primary, contacts.global, contacts.isolatedHere)
      );
      expect(view.skipped.reasons).toMatchObject({
        notAssigned: 1,
        categoryOff: 1,
        loginSuspended: 1,
      });
      expect(deliveries[0]?.subject).toBe(`Maintenance of ${here.label}`);
    });

    it('reaches nobody through a service named with an account it does not belong to', async () => {
      // Prepare
      const store = openStore();
      const victim = await customer(store);
      const named = await customer(store);
      const notice = await storeNotice(store, {
        services: [{ accountId: named.account.accountId, serviceId: victim.here.id }],
      });

      // Act
      const view = await runNotice(store, notice);

      // Assess
      expect(await noticeDeliveriesOf(store, notice.id)).toEqual([]);
      expect(view.accounts).toEqual({ inScope: 0, done: 0 });
      expect(await emailLogOf(store, victim.account.accountId)).toEqual([]);
    });

    it('finds the accounts with services on a server through the index and mails each account once', async () => {
      // Prepare
      const store = openStore();
      const server = `srv-${randomUUID()}`;
      const first = newAccount();
      const second = newAccount();
      const firstPrimary = { ...first.primary, email: uniqueAddress('first') };
      const secondPrimary = { ...second.primary, email: uniqueAddress('second') };
      await storeAccount(store, {
        contacts: [firstPrimary],
        services: [first.service({ server }), first.service({ server })],
      });
      await storeAccount(store, {
        contacts: [secondPrimary],
        services: [second.service({ server })],
      });
      const notice = await storeNotice(store, { server });

      // Act
      const view = await runNotice(store, notice);

      // Assess
      expect(sortedAddresses(await noticeDeliveriesOf(store, notice.id))).toEqual(
        addressesOf(firstPrimary, secondPrimary)
      );
      const works = await workItemsOf(store, notice.id);
      expect(works.map((work) => work.serviceIds?.length).sort()).toEqual([1, 2]);
      expect(view.accounts).toEqual({ inScope: 2, done: 2 });
    });

    it('mails an address two accounts share once per notice, and counts it as a duplicate', async () => {
      // Prepare
      const store = openStore();
      const shared = uniqueAddress('agency');
      const first = newAccount();
      const second = newAccount();
      await storeAccount(store, { contacts: [{ ...first.primary, email: shared }] });
      await storeAccount(store, { contacts: [{ ...second.primary, email: shared }] });
      const notice = await storeNotice(store, { accountIds: [first.accountId, second.accountId] });

      // Act
      const view = await runNotice(store, notice);

      // Assess
      expect(await noticeDeliveriesOf(store, notice.id)).toHaveLength(1);
      expect(view).toMatchObject({ recipients: 1, skipped: { reasons: { duplicateAddress: 1 } } });
    });

    it('logs a suppressed address without queueing it, and counts it', async () => {
      // Prepare
      const store = openStore();
      const { account, contacts } = await customer(store);
      await suppress(store, contacts.global.email);
      const notice = await storeNotice(store, { accountIds: [account.accountId] });

      // Act
      const view = await runNotice(store, notice);

      // Assess
      const deliveries = await noticeDeliveriesOf(store, notice.id);
      expect(deliveries.find((d) => d.address === contacts.global.email)?.status).toBe(
        'suppressed'
      );
      expect(view.skipped.reasons.suppressed).toBe(1);
    });

    it('writes no second work item, delivery or log entry when the notice and its work items are replayed', async () => {
      // Prepare
      const store = openStore();
      const { account } = await customer(store);
      const notice = await storeNotice(store, { accountIds: [account.accountId] });
      const first = await runNotice(store, notice);
      const logged = await emailLogOf(store, account.accountId);

      // Act
      const again = await runNotice(store, notice);

      // Assess
      expect(await workItemsOf(store, notice.id)).toHaveLength(1);
      expect(await noticeDeliveriesOf(store, notice.id)).toHaveLength(first.recipients);
      expect(await emailLogOf(store, account.accountId)).toHaveLength(logged.length);
      expect({ ...again, status: first.status, sent: 0, queued: 0 }).toEqual({
        ...first,
        sent: 0,
        queued: 0,
      });
    });

    it('mails an invoice to the primary and the contacts who may read invoices, once however often replayed', async () => {
      // Prepare
      const store = openStore();
      const account = newAccount();
      const primary = {
        ...account.primary,
        email: uniqueAddress('owner'),
        emailPreferences: INVOICE_OFF,
      };
      const reader = account.subAccount('reader', ['invoices'], { email: uniqueAddress('reader') });
      const noAccess = account.subAccount('noaccess', ['tickets'], {
        email: uniqueAddress('noaccess'),
      });
      const bookkeeper = account.contact('books', { email: uniqueAddress('books') });
      const invoiceOff = account.contact('off', {
        email: uniqueAddress('off'),
        emailPreferences: INVOICE_OFF,
      });
      await storeAccount(store, { contacts: [primary, reader, noAccess, bookkeeper, invoiceOff] });
      const invoice = invoiceOf(account.accountId);
      await store.put(createInvoicePut(invoice));

      // Act
      await fanOutInvoice(store, invoice);
      await fanOutInvoice(store, invoice);

      // Assess
      const deliveries = (
        await queryAll(store, deliveriesOfSourceQuery(invoiceMailSource(invoice)))
      ).map(fromDeliveryItem);
      expect(sortedAddresses(deliveries)).toEqual(addressesOf(primary, reader, bookkeeper));
      expect(deliveries.every((d) => d.category === 'invoice')).toBe(true);
      expect(await emailLogOf(store, account.accountId)).toHaveLength(3);
    });

    it('mails nobody about an invoice first loaded as paid', async () => {
      // Prepare
      const store = openStore();
      const account = newAccount();
      await storeAccount(store, {
        contacts: [{ ...account.primary, email: uniqueAddress('paid') }],
      });
      const invoice = {
        ...invoiceOf(account.accountId),
        status: 'paid' as const,
        paidAt: '2026-12-02',
      };

      // Act
      const result = await fanOutInvoice(store, invoice);

      // Assess
      expect(result).toEqual({ recipients: 0, written: 0 });
      expect(await emailLogOf(store, account.accountId)).toEqual([]);
    });
  });
