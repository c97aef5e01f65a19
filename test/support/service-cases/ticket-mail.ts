/**
 * The ticket mail fan-out (functions/notify/fan-out.ts) as cases on any
 * TableStore: who gets a delivery for a ticket event, that a replayed event
 * writes nothing again, that a suppressed address is logged and not queued,
 * and what the delivery carries. Run on the in-memory table (unit) and on
 * DynamoDB Local (integration).
 */
import { describe, expect, it } from 'vitest';
import { ALL_EMAIL_PREFERENCES, type Contact } from '#core/entities/contact';
import type { TableStore } from '#core/table/store';
import {
  closeTicket,
  submitTicket,
} from '../../../functions/core/workflows/ticket-conversation.ts';
import { fanOutTicketEvent } from '../../../functions/notify/fan-out.ts';
import { newAccount, storeAccount, watched } from '../store-accounts.ts';
import {
  asWritten,
  deliveriesOf,
  emailLogOf,
  entryAsWritten,
  ON_ITS_WAY,
  sortedAddresses,
  storeChangeWithoutEvent,
  suppress,
  uniqueAddress,
} from '../ticket-mail.ts';
import { unsubscribeClaimsOf } from '../unsubscribe.ts';
import { assignedTo } from './common.ts';

const SUPPORT_OFF = { ...ALL_EMAIL_PREFERENCES, support: false };

const authorOf = (contact: Contact) => ({
  kind: 'contact' as const,
  contactId: contact.id,
  name: `${contact.firstName} ${contact.lastName}`,
  email: contact.email,
});

/** One account with a contact of every kind the recipient rule tells apart, and another account. */
const helpdesk = async (store: TableStore) => {
  const account = newAccount();
  const here = account.service();
  const elsewhere = account.service();
  const primary = { ...account.primary, emailPreferences: SUPPORT_OFF };
  const contacts = {
    primary,
    globalLogin: account.subAccount('global', ['tickets'], { supportScope: 'global' }),
    globalNoLogin: account.contact('desk', { supportScope: 'global' }),
    isolatedHere: account.subAccount('here', ['tickets'], {
      supportScope: 'isolated',
      assignedServices: assignedTo(here),
    }),
    isolatedElsewhere: account.subAccount('elsewhere', ['tickets'], {
      supportScope: 'isolated',
      assignedServices: assignedTo(elsewhere),
    }),
    supportOff: account.subAccount('quiet', ['tickets'], {
      supportScope: 'global',
      emailPreferences: SUPPORT_OFF,
    }),
    suspended: account.subAccount('suspended', ['tickets'], {
      supportScope: 'global',
      subAccount: { status: 'suspended', permissions: ['tickets'] },
    }),
    withoutTickets: account.subAccount('notickets', ['contacts'], { supportScope: 'global' }),
    opener: account.subAccount('opener', ['tickets']),
  };
  await storeAccount(store, { contacts: Object.values(contacts), services: [here, elsewhere] });
  const other = newAccount();
  // Its primary has our primary's address (`primary@customer.example`) too.
  const stranger = other.contact('stranger', { supportScope: 'global' });
  await storeAccount(store, { contacts: [other.primary, stranger] });
  return { account, here, contacts, other };
};

const open = (
  accountId: string,
  opener: Contact,
  fields: { serviceId?: string; body?: string } = {}
) =>
  submitTicket(
    {
      accountId,
      subject: 'Mail bounces',
      department: 'technical',
      body: fields.body ?? 'Mail to info@ bounces since this morning.',
      ...(fields.serviceId ? { serviceId: fields.serviceId } : {}),
    },
    authorOf(opener),
    new Date()
  );

const addressesOf = (...contacts: Contact[]) =>
  sortedAddresses(contacts.map(({ email }) => ({ address: email })));

export const describeTicketMail = (name: string, openStore: () => TableStore) =>
  describe(`${name}: ticket mail fan-out`, () => {
    it('mails the primary, global support and isolated support of the ticket service, and nobody else', async () => {
      // Prepare
      const store = openStore();
      const { account, here, contacts, other } = await helpdesk(store);
      const event = await storeChangeWithoutEvent(
        store,
        open(account.accountId, contacts.primary, { serviceId: here.id })
      );

      // Act
      const result = await fanOutTicketEvent(store, event);

      // Assess
      const { primary, globalLogin, globalNoLogin, isolatedHere } = contacts;
      expect(sortedAddresses(await deliveriesOf(store, event.id))).toEqual(
        addressesOf(primary, globalLogin, globalNoLogin, isolatedHere)
      );
      expect(result).toEqual({ recipients: 4, written: 4, suppressed: 0 });
      expect(await emailLogOf(store, account.accountId)).toHaveLength(4);
      expect(await emailLogOf(store, other.accountId)).toEqual([]);
    });

    it('mails the opener of a ticket about no service, and no isolated contact', async () => {
      // Prepare
      const store = openStore();
      const { account, contacts } = await helpdesk(store);
      const event = await storeChangeWithoutEvent(store, open(account.accountId, contacts.opener));

      // Act
      await fanOutTicketEvent(store, event);

      // Assess
      const { primary, globalLogin, globalNoLogin, opener } = contacts;
      expect(sortedAddresses(await deliveriesOf(store, event.id))).toEqual(
        addressesOf(primary, globalLogin, globalNoLogin, opener)
      );
    });

    it('writes nothing again when the same event is delivered again', async () => {
      // Prepare
      const store = openStore();
      const { account, contacts } = await helpdesk(store);
      const event = await storeChangeWithoutEvent(store, open(account.accountId, contacts.opener));
      await fanOutTicketEvent(store, event);
      // What the mailer (running beside DynamoDB Local) moves meanwhile is left out.
      const written = async () => ({
        deliveries: (await deliveriesOf(store, event.id)).map(asWritten),
        log: (await emailLogOf(store, account.accountId)).map(entryAsWritten),
      });
      const first = await written();

      // Act
      const again = await fanOutTicketEvent(store, event);

      // Assess
      // On DynamoDB Local the stack's mailer may send meanwhile: compare what the fan-out wrote.
      expect(again).toMatchObject({ recipients: 4, written: 0 });
      expect(await written()).toEqual(first);
      expect(first.log).toHaveLength(4);
    });

    it('logs a suppressed address as suppressed and queues nothing for it', async () => {
      // Prepare
      const store = openStore();
      const { account, contacts } = await helpdesk(store);
      const bouncing = account.contact('bouncing', {
        supportScope: 'global',
        email: uniqueAddress('bouncing'),
      });
      await storeAccount(store, { contacts: [bouncing] });
      await suppress(store, bouncing.email.toUpperCase());
      const event = await storeChangeWithoutEvent(store, open(account.accountId, contacts.primary));

      // Act
      const result = await fanOutTicketEvent(store, event);

      // Assess
      const deliveries = await deliveriesOf(store, event.id);
      const log = await emailLogOf(store, account.accountId);
      expect(result.suppressed).toBe(1);
      expect(deliveries.filter((delivery) => delivery.status === 'suppressed')).toEqual([
        expect.objectContaining({ address: bouncing.email, reason: expect.any(String) }),
      ]);
      expect(log.filter((entry) => entry.status === 'suppressed').map((entry) => entry.to)).toEqual(
        [bouncing.email]
      );
      expect(
        deliveries.filter((delivery) => ON_ITS_WAY.includes(delivery.status as never))
      ).toHaveLength(3);
    });

    it('queues the rendered mail with its threading headers, linked to its log entry', async () => {
      // Prepare
      const store = openStore();
      const { account, contacts } = await helpdesk(store);
      const body = 'Mail to <info@> bounces & more.';
      const event = await storeChangeWithoutEvent(
        store,
        open(account.accountId, contacts.opener, { body })
      );

      // Act
      await fanOutTicketEvent(store, event);

      // Assess
      const deliveries = await deliveriesOf(store, event.id);
      const log = await emailLogOf(store, account.accountId);
      const toPrimary = deliveries.find((delivery) => delivery.contactId === contacts.primary.id);
      expect(toPrimary).toMatchObject({
        sourceId: `TICKETEVENT#${event.id}`,
        accountId: account.accountId,
        category: 'support',
        status: expect.toBeOneOf([...ON_ITS_WAY]),
        subject: '[New ticket] Mail bounces',
        headers: {
          'Message-ID': event.emailMessageId,
          'Reply-To': expect.stringMatching(new RegExp(`^support\\+${event.ticketId}@`)),
        },
      });
      expect(toPrimary?.text).toContain(body);
      expect(toPrimary?.html).toContain('Mail to &lt;info@&gt; bounces &amp; more.');
      for (const delivery of deliveries)
        expect(log).toContainEqual(
          expect.objectContaining({
            id: delivery.logId,
            at: delivery.logAt,
            to: delivery.address,
            contactId: delivery.contactId,
            category: 'support',
            subject: delivery.subject,
            status: 'queued',
          })
        );
    });

    it('gives every recipient but the primary a one-click unsubscribe link for support mail naming that contact alone', async () => {
      // Prepare
      const store = openStore();
      const { account, contacts } = await helpdesk(store);
      const event = await storeChangeWithoutEvent(store, open(account.accountId, contacts.opener));

      // Act
      await fanOutTicketEvent(store, event);

      // Assess
      const deliveries = await deliveriesOf(store, event.id);
      expect(deliveries.length).toBeGreaterThan(2);
      for (const delivery of deliveries) {
        const claims = unsubscribeClaimsOf(delivery.headers);
        if (delivery.contactId === contacts.primary.id) expect(claims).toBeUndefined();
        else
          expect(claims, delivery.address).toEqual({
            accountId: account.accountId,
            contactId: delivery.contactId,
            category: 'support',
          });
      }
    });

    it('mails a close, which carries no message, with two reads and one transaction for up to 50 recipients', async () => {
      // Prepare
      const store = openStore();
      const { account, contacts } = await helpdesk(store);
      const opening = open(account.accountId, contacts.opener);
      await storeChangeWithoutEvent(store, opening);
      const event = await storeChangeWithoutEvent(
        store,
        closeTicket(opening.ticket, authorOf(contacts.opener), new Date())
      );
      const counted = watched(store);

      // Act
      const result = await fanOutTicketEvent(counted, event);

      // Assess
      const deliveries = await deliveriesOf(store, event.id);
      expect(deliveries).toHaveLength(4);
      expect(deliveries[0]?.subject).toBe('[Closed] Mail bounces');
      expect(deliveries[0]?.text).not.toContain('Mail to info@ bounces');
      expect(result.recipients).toBe(4);
      expect(counted.calls).toEqual({ reads: 2, writes: 1 });
    });
  });
