/**
 * Who may write to support, as cases on any TableStore (inbound.ts runs
 * them): verdicts, registered and allowed senders, support scope, several
 * accounts, and the limit on explanations.
 */
import { expect, it } from 'vitest';
import type { TableStore } from '#core/table/store';
import { accountWith, address, composeMail, inboundOn, PASSING } from '../inbound.ts';
import { newAccount, storeAccount } from '../store-accounts.ts';
import { assignedTo } from './common.ts';
import { ticketsIn } from './ticket-desk.ts';

export const inboundSenders = (open: () => TableStore) => {
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
};
