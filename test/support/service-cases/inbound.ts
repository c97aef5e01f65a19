/**
 * The inbound mail rules as cases on any TableStore: run on the in-memory
 * table (unit) and on DynamoDB Local (integration). Each case writes its
 * own accounts with addresses of its own, so cases never meet.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Contact } from '#core/entities/contact';
import type { TableStore } from '#core/table/store';
import { composeMail, inboundOn, PASSING } from '../inbound.ts';
import { newAccount, storeAccount } from '../store-accounts.ts';
import { assignedTo } from './common.ts';
import { ticketsIn } from './ticket-desk.ts';

const address = () => `${randomUUID()}@customer.example`;

/** An account whose primary writes from an address of its own. */
const accountWith = async (
  store: TableStore,
  extra: (a: ReturnType<typeof newAccount>) => Contact[] = () => []
) => {
  const account = newAccount();
  const primary = { ...account.primary, email: address() };
  const others = extra(account).map((contact) => ({ ...contact, email: address() }));
  const services = [account.service(), account.service()];
  await storeAccount(store, { contacts: [primary, ...others], services });
  return { ...account, primary, others, services };
};

export const describeInbound = (name: string, open: () => TableStore) =>
  describe(`${name}: inbound mail`, () => {
    it('opens a ticket for a registered sender with support on, through the ticket workflow (a submitted event)', async () => {
      // Prepare
      const store = open();
      const { primary } = await accountWith(store);
      const raw = await composeMail({
        from: `Pat <${primary.email}>`,
        text: 'My site is down.\n\nOn Mon, 1 Jan 2026, Helpdesk wrote:\n> Earlier text',
      });

      // Act
      const result = await inboundOn(store).deliver({ raw });

      // Assess
      expect(result).toMatchObject({ outcome: 'opened', duplicate: false });
      const conversation = await ticketsIn(store).conversation({
        accountId: primary.accountId,
        id: result.ticketId ?? '',
      });
      expect(conversation?.ticket.openedBy.contactId).toBe(primary.id);
      expect(conversation?.messages.map((message) => message.body)).toEqual(['My site is down.']);
      expect(await ticketsIn(store).eventTypes(result.ticketId ?? '')).toEqual(['submitted']);
    });

    it('opens one ticket when SES delivers the same mail twice (idempotent on the SES message id)', async () => {
      // Prepare
      const store = open();
      const { primary } = await accountWith(store);
      const inbound = inboundOn(store);
      const raw = await composeMail({ from: primary.email });
      const first = await inbound.deliver({ raw });

      // Act
      const again = await inbound.deliver({ raw, sesMessageId: first.sesMessageId });

      // Assess
      expect(again).toMatchObject({ outcome: 'opened', duplicate: true });
      expect(await ticketsIn(store).eventTypes(first.ticketId ?? '')).toEqual(['submitted']);
    });

    it('refuses an unknown sender with one explanation and no ticket', async () => {
      // Prepare
      const store = open();
      const raw = await composeMail({ from: address() });

      // Act
      const result = await inboundOn(store).deliver({ raw });

      // Assess
      expect(result).toMatchObject({ outcome: 'refused', reason: 'not-registered', replied: true });
      expect(result.ticketId).toBeUndefined();
    });

    it('never lets a stranger spoofing a registered From open a ticket, and answers no forged address', async () => {
      // Prepare
      const store = open();
      const { primary } = await accountWith(store);
      const raw = await composeMail({ from: primary.email });

      // Act
      const result = await inboundOn(store).deliver({
        raw,
        verdicts: { spf: 'FAIL', dkim: 'FAIL', dmarc: 'FAIL', dmarcPolicy: 'reject' },
      });

      // Assess
      expect(result).toMatchObject({
        outcome: 'refused',
        reason: 'authentication-failed',
        replied: false,
      });
      expect(await ticketsIn(store).ofAccount(primary.accountId)).toEqual([]);
    });

    it('refuses a DMARC failure under p=none too, answering only an envelope sender SPF vouched for', async () => {
      // Prepare
      const store = open();
      const { primary } = await accountWith(store);
      const raw = await composeMail({ from: primary.email });

      // Act
      const result = await inboundOn(store).deliver({
        raw,
        verdicts: { spf: 'PASS', dkim: 'FAIL', dmarc: 'FAIL', dmarcPolicy: 'none' },
      });

      // Assess
      expect(result).toMatchObject({
        outcome: 'refused',
        reason: 'authentication-failed',
        replied: true,
      });
    });

    it('refuses spam without answering it', async () => {
      // Prepare
      const store = open();
      const { primary } = await accountWith(store);

      // Act
      const result = await inboundOn(store).deliver({
        raw: await composeMail({ from: primary.email }),
        verdicts: { ...PASSING, spam: 'FAIL' },
      });

      // Assess
      expect(result).toMatchObject({ outcome: 'refused', reason: 'spam-or-virus', replied: false });
    });

    it.each([
      [
        'a suspended sub-account',
        (a: ReturnType<typeof newAccount>) =>
          a.subAccount('s', ['tickets'], {
            subAccount: { status: 'suspended', permissions: ['tickets'] },
          }),
      ],
      [
        'a sub-account without tickets',
        (a: ReturnType<typeof newAccount>) => a.subAccount('s', ['invoices']),
      ],
      [
        'a contact with support mail off',
        (a: ReturnType<typeof newAccount>) =>
          a.contact('s', {
            emailPreferences: {
              general: true,
              product: true,
              domain: true,
              invoice: true,
              support: false,
            },
          }),
      ],
    ])('refuses %s (not allowed), opening nothing', async (_, make) => {
      // Prepare
      const store = open();
      const { others, primary } = await accountWith(store, (a) => [make(a)]);
      const raw = await composeMail({ from: others[0]?.email });

      // Act
      const result = await inboundOn(store).deliver({ raw });

      // Assess
      expect(result).toMatchObject({ outcome: 'refused', reason: 'not-allowed', replied: true });
      expect(await ticketsIn(store).ofAccount(primary.accountId)).toEqual([]);
    });

    it('lets an isolated contact write about its assigned service only, never a foreign one', async () => {
      // Prepare
      const store = open();
      const account = newAccount();
      const [mine, foreign] = [account.service(), account.service()];
      const isolated = account.subAccount('iso', ['tickets'], {
        email: address(),
        supportScope: 'isolated',
        assignedServices: assignedTo(mine),
      });
      await storeAccount(store, {
        contacts: [account.primary, isolated],
        services: [mine, foreign],
      });
      const inbound = inboundOn(store);

      // Act
      const refused = await inbound.deliver({
        raw: await composeMail({ from: isolated.email, subject: `Down [service:${foreign.id}]` }),
      });
      const opened = await inbound.deliver({
        raw: await composeMail({ from: isolated.email, subject: `Down [service:${mine.id}]` }),
      });

      // Assess
      expect(refused).toMatchObject({ outcome: 'refused', reason: 'service-not-allowed' });
      const conversation = await ticketsIn(store).conversation({
        accountId: account.accountId,
        id: opened.ticketId ?? '',
      });
      expect(conversation?.ticket).toMatchObject({ serviceId: mine.id, subject: 'Down' });
    });

    it('threads a reply by In-Reply-To to the ticket whose Message-ID Portico issued', async () => {
      // Prepare
      const store = open();
      const { primary } = await accountWith(store);
      const inbound = inboundOn(store);
      const opened = await inbound.deliver({ raw: await composeMail({ from: primary.email }) });
      const first = await ticketsIn(store).conversation({
        accountId: primary.accountId,
        id: opened.ticketId ?? '',
      });
      const issued = first?.messages[0]?.emailMessageId ?? '';

      // Act
      const reply = await inbound.deliver({
        raw: await composeMail({
          from: primary.email,
          subject: 'Re: Help please',
          text: 'Still down.',
          inReplyTo: issued,
          references: [issued],
        }),
      });

      // Assess
      expect(reply).toMatchObject({ outcome: 'replied', ticketId: opened.ticketId });
      expect(await ticketsIn(store).eventTypes(opened.ticketId ?? '')).toEqual([
        'submitted',
        'replied',
      ]);
    });

    it('never attaches a contact of account A to account B’s ticket by its Message-ID', async () => {
      // Prepare
      const store = open();
      const a = await accountWith(store);
      const b = await accountWith(store);
      const inbound = inboundOn(store);
      const opened = await inbound.deliver({ raw: await composeMail({ from: b.primary.email }) });
      const issued =
        (await ticketsIn(store).conversation({ accountId: b.accountId, id: opened.ticketId ?? '' }))
          ?.messages[0]?.emailMessageId ?? '';

      // Act
      const result = await inbound.deliver({
        raw: await composeMail({ from: a.primary.email, inReplyTo: issued, text: 'Let me in' }),
      });

      // Assess
      expect(result).toMatchObject({ outcome: 'refused', reason: 'thread-not-allowed' });
      expect(await ticketsIn(store).eventTypes(opened.ticketId ?? '')).toEqual(['submitted']);
      expect(await ticketsIn(store).ofAccount(a.accountId)).toEqual([]);
    });

    it('never attaches a reply that names a ticket only in its subject: it opens a new one', async () => {
      // Prepare
      const store = open();
      const { primary } = await accountWith(store);
      const inbound = inboundOn(store);
      const opened = await inbound.deliver({ raw: await composeMail({ from: primary.email }) });

      // Act
      const result = await inbound.deliver({
        raw: await composeMail({
          from: primary.email,
          subject: `Re: [Ticket ${opened.ticketId}] Help please`,
        }),
      });

      // Assess
      expect(result.outcome).toBe('opened');
      expect(result.ticketId).not.toBe(opened.ticketId);
      expect(await ticketsIn(store).eventTypes(opened.ticketId ?? '')).toEqual(['submitted']);
    });

    it('reads the support+<ticketId> address of ticket mail as no account tag: without a Message-ID it opens a new ticket', async () => {
      // Prepare
      const store = open();
      const { primary } = await accountWith(store);
      const inbound = inboundOn(store);
      const opened = await inbound.deliver({ raw: await composeMail({ from: primary.email }) });
      const ticketAddress = `support+${(opened.ticketId ?? '').toLowerCase()}@unit.example`;

      // Act
      const result = await inbound.deliver({
        raw: await composeMail({ from: primary.email, to: ticketAddress }),
        recipients: [ticketAddress],
      });

      // Assess
      expect(result.outcome).toBe('opened');
      expect(result.ticketId).not.toBe(opened.ticketId);
    });

    it.each([
      [
        'Auto-Submitted: auto-replied',
        { headers: { 'Auto-Submitted': 'auto-replied' } },
        undefined,
      ],
      ['Precedence: bulk', { headers: { Precedence: 'bulk' } }, undefined],
      ['a bounce from mailer-daemon', { from: 'MAILER-DAEMON@mx.customer.example' }, ''],
    ])('drops %s silently (no ticket, no answer)', async (_, options, envelopeSender) => {
      // Prepare
      const store = open();
      const { primary } = await accountWith(store);

      // Act
      const result = await inboundOn(store).deliver({
        raw: await composeMail({ from: primary.email, ...options }),
        ...(envelopeSender !== undefined ? { envelopeSender } : {}),
      });

      // Assess
      expect(result).toMatchObject({ outcome: 'dropped', reason: 'loop' });
      expect(await ticketsIn(store).ofAccount(primary.accountId)).toEqual([]);
    });

    it('asks a contact of several accounts to use the account’s own address, which then works', async () => {
      // Prepare
      const store = open();
      const shared = address();
      const one = newAccount();
      const two = newAccount();
      await storeAccount(store, { contacts: [{ ...one.primary, email: shared }] });
      await storeAccount(store, { contacts: [{ ...two.primary, email: shared }] });
      const inbound = inboundOn(store);

      // Act
      const refused = await inbound.deliver({ raw: await composeMail({ from: shared }) });
      const tagged = `support+${two.accountId}@unit.example`;
      const opened = await inbound.deliver({
        raw: await composeMail({ from: shared, to: tagged }),
        recipients: [tagged],
      });

      // Assess
      expect(refused).toMatchObject({
        outcome: 'refused',
        reason: 'several-accounts',
        replied: true,
      });
      expect(opened.outcome).toBe('opened');
      expect(
        await ticketsIn(store).conversation({ accountId: two.accountId, id: opened.ticketId ?? '' })
      ).toBeDefined();
    });

    it('stores attachments under the ticket and refuses mail with too many', async () => {
      // Prepare
      const store = open();
      const { primary } = await accountWith(store);
      const inbound = inboundOn(store);
      const file = (n: number) => ({ filename: `log-${n}.txt`, content: `line ${n}\n` });

      // Act
      const opened = await inbound.deliver({
        raw: await composeMail({ from: primary.email, attachments: [file(1), file(2)] }),
      });
      const refused = await inbound.deliver({
        raw: await composeMail({
          from: primary.email,
          attachments: Array.from({ length: 11 }, (_, n) => file(n)),
        }),
      });

      // Assess
      const message = (
        await ticketsIn(store).conversation({
          accountId: primary.accountId,
          id: opened.ticketId ?? '',
        })
      )?.messages[0];
      expect(message?.attachments?.map((a) => a.filename)).toEqual(['log-1.txt', 'log-2.txt']);
      expect(message?.attachments?.map((a) => Object.keys(a).sort())).toEqual(
        Array(2).fill(['contentType', 'filename', 'key', 'size'])
      );
      for (const attachment of message?.attachments ?? []) {
        expect(
          attachment.key.startsWith(`attachments/${primary.accountId}/${opened.ticketId}/`)
        ).toBe(true);
        expect(inbound.bucket.objects.has(attachment.key)).toBe(true);
      }
      expect(refused).toMatchObject({ outcome: 'refused', reason: 'too-many-attachments' });
    });

    it('refuses oversize mail with an explanation, before parsing it', async () => {
      // Prepare
      const store = open();
      const { primary } = await accountWith(store);
      const raw = await composeMail({ from: primary.email, text: 'x'.repeat(11 * 1024 * 1024) });

      // Act
      const result = await inboundOn(store).deliver({ raw });

      // Assess
      expect(result).toMatchObject({ outcome: 'refused', reason: 'too-large', replied: true });
    });

    it('answers one sender at most 5 refusals a day, recording every refused mail', async () => {
      // Prepare
      const store = open();
      const stranger = address();
      const inbound = inboundOn(store);

      // Act
      const results = [];
      for (let n = 0; n < 7; n++)
        results.push(await inbound.deliver({ raw: await composeMail({ from: stranger }) }));

      // Assess
      expect(results.map((result) => result.outcome)).toEqual(Array(7).fill('refused'));
      expect(results.filter((result) => result.replied).length).toBe(5);
    });
  });
