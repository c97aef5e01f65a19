/**
 * The tickets area (functions/tickets/): opening once per key and within the
 * hourly limit, the status machine of replies, closing and the helpdesk, and
 * the helpdesk queue by turn.
 */
import { expect, it } from 'vitest';
import { runClockFrom } from '#core/platform/clock';
import { PROBLEM } from '#core/platform/problem-types';
import type { TableStore } from '#core/table/store';
import {
  closeTicketAsMember,
  openTicket,
  replyToTicket,
  TICKET_OPENING_LIMIT,
} from '../../../functions/tickets/service.ts';
import { answerTicket, setStatusAsStaff } from '../../../functions/tickets/staff.ts';
import { memberOf, newAccount, storeAccount, storedOf, watched } from '../store-accounts.ts';
import { assignedTo, expectProblem, refusalOf } from './common.ts';
import {
  asked,
  caseClock,
  HELPDESK,
  openAs,
  staffCheckOn,
  ticketsIn,
  wholeQueue,
} from './ticket-desk.ts';

export const ticketRules = (open: () => TableStore) => {
  it('opens a ticket with its message, Message-ID marker and `submitted` event in one read and one write', async () => {
    // Prepare
    const account = newAccount();
    const base = open();
    await storeAccount(base, { contacts: [account.primary] });
    const store = watched(base);

    // Act
    const opened = await openTicket(store, memberOf(account.primary), asked());

    // Assess
    const [message] = opened.messages;
    expect(opened).toMatchObject({ replayed: false, ticket: { status: 'open', version: 1 } });
    expect(await ticketsIn(base).conversation(opened.ticket)).toEqual({
      ticket: opened.ticket,
      messages: opened.messages,
    });
    expect(await ticketsIn(base).eventTypes(opened.ticket.id)).toEqual(['submitted']);
    expect(await ticketsIn(base).marker(message?.emailMessageId ?? '')).toMatchObject({
      ticketId: opened.ticket.id,
    });
    expect(store.calls).toEqual({ reads: 1, writes: 1 });
  });

  it('answers a retry with the same Idempotency-Key with the first ticket, opening no second one', async () => {
    // Prepare
    const account = newAccount();
    const store = open();
    await storeAccount(store, { contacts: [account.primary] });
    const owner = memberOf(account.primary);
    const first = await openTicket(store, owner, asked(), 'key-1');

    // Act
    const retry = await openTicket(store, owner, asked(), 'key-1');

    // Assess
    expect(retry).toEqual({ ...first, replayed: true });
    expect((await ticketsIn(store).ofAccount(account.accountId)).map((t) => t.id)).toEqual([
      first.ticket.id,
    ]);
    expect(await ticketsIn(store).eventTypes(first.ticket.id)).toEqual(['submitted']);
  });

  it(`lets one login open ${TICKET_OPENING_LIMIT.limit} tickets an hour, over every account it belongs to, and more once the hour turns`, async () => {
    // Prepare: the login is also a contact of a second account
    const { start } = caseClock();
    const home = newAccount();
    const other = newAccount();
    const there = other.subAccount('there', ['tickets'], { loginId: home.primary.loginId });
    const store = open();
    await storeAccount(store, { contacts: [home.primary] });
    await storeAccount(store, { contacts: [other.primary, there] });
    const owner = memberOf(home.primary);
    for (let count = 0; count < TICKET_OPENING_LIMIT.limit - 1; count++) await openAs(store, owner);
    await openTicket(store, owner, asked(), 'replayed');

    // Act
    const replay = await openTicket(store, owner, asked(), 'replayed');
    const full = await refusalOf(() => openAs(store, memberOf(there)));
    runClockFrom(new Date(start.getTime() + TICKET_OPENING_LIMIT.windowSeconds * 1000));
    const nextHour = await openAs(store, memberOf(there));

    // Assess
    expect(replay.replayed).toBe(true);
    expectProblem(full, PROBLEM.rateLimited);
    expect(await ticketsIn(store).ofAccount(home.accountId)).toHaveLength(
      TICKET_OPENING_LIMIT.limit
    );
    expect((await ticketsIn(store).ofAccount(other.accountId)).map((t) => t.id)).toEqual([
      nextHour.id,
    ]);
  });

  it('lets an isolated contact open a ticket about a service assigned to it, and without a service', async () => {
    // Prepare
    const account = newAccount();
    const service = account.service();
    const tech = account.subAccount('tech', ['tickets'], {
      supportScope: 'isolated',
      assignedServices: assignedTo(service),
    });
    const store = open();
    await storeAccount(store, { contacts: [account.primary, tech], services: [service] });

    // Act
    const about = await openAs(store, memberOf(tech), { serviceId: service.id });
    const plain = await openAs(store, memberOf(tech));

    // Assess
    expect(about).toMatchObject({ serviceId: service.id, openedBy: { contactId: tech.id } });
    expect(plain.serviceId).toBeUndefined();
  });

  it('moves open → customer-reply → closed → customer-reply → answered, one event each, and a second close records nothing', async () => {
    // Prepare
    const account = newAccount();
    const base = open();
    await storeAccount(base, { contacts: [account.primary] });
    const owner = memberOf(account.primary);
    const { at } = caseClock();
    const ticket = await openAs(base, owner);
    const store = watched(base);

    // Act
    at(1);
    const replied = await replyToTicket(store, owner, ticket.id, 'Still down.');
    at(2);
    const closed = await closeTicketAsMember(store, owner, ticket.id);
    const before = { ...store.calls };
    at(3);
    const closedAgain = await closeTicketAsMember(store, owner, ticket.id);
    const afterSecondClose = { ...store.calls };
    at(4);
    const reopened = await replyToTicket(store, owner, ticket.id, 'It is back down.');
    at(5);
    const answered = await answerTicket(store, HELPDESK, staffCheckOn(store), ticket.id, 'Fixed.');

    // Assess
    expect(replied.ticket).toMatchObject({ status: 'customer-reply', version: 2, messageCount: 2 });
    expect(replied.message.inReplyTo).toBe(ticket.rootEmailMessageId);
    expect(closed).toMatchObject({ status: 'closed', version: 3 });
    expect(closedAgain).toEqual(closed);
    expect(afterSecondClose).toEqual({ reads: before.reads + 1, writes: before.writes });
    expect(reopened.ticket.status).toBe('customer-reply');
    expect(answered.ticket).toMatchObject({ status: 'answered', version: 5, messageCount: 4 });
    expect(answered.message.author).toMatchObject({ kind: 'staff', staffId: HELPDESK.staffId });
    expect(await ticketsIn(base).eventTypes(ticket.id)).toEqual([
      'submitted',
      'replied',
      'closed',
      'replied',
      'answered',
    ]);
    expect((await ticketsIn(base).conversation(ticket))?.ticket).toEqual(answered.ticket);
  });

  it('adds a reply once per Idempotency-Key', async () => {
    // Prepare
    const account = newAccount();
    const store = open();
    await storeAccount(store, { contacts: [account.primary] });
    const owner = memberOf(account.primary);
    const ticket = await openAs(store, owner);
    const first = await replyToTicket(store, owner, ticket.id, 'Still down.', 'reply-1');

    // Act
    const retry = await replyToTicket(store, owner, ticket.id, 'Still down.', 'reply-1');

    // Assess
    expect(retry).toEqual({ ...first, replayed: true });
    expect((await ticketsIn(store).conversation(ticket))?.messages).toHaveLength(2);
  });

  it('lets the helpdesk mark answered, close and reopen, each with its event and an audit entry, and setting the status a ticket has changes nothing', async () => {
    // Prepare
    const account = newAccount();
    const base = open();
    await storeAccount(base, { contacts: [account.primary] });
    const { at } = caseClock();
    const ticket = await openAs(base, memberOf(account.primary));
    const store = watched(base);
    const set = (status: 'open' | 'answered' | 'closed', ifMatch: number) =>
      setStatusAsStaff(store, HELPDESK, staffCheckOn(store), ticket.id, status, { ifMatch });

    // Act
    const unchanged = await set('open', 1);
    const writesBefore = store.calls.writes;
    at(1);
    const marked = await set('answered', 1);
    at(2);
    const closed = await set('closed', 2);
    at(3);
    const reopened = await set('open', 3);

    // Assess
    expect(unchanged).toEqual(ticket);
    expect(writesBefore).toBe(0);
    expect([marked, closed, reopened].map((t) => [t.status, t.version])).toEqual([
      ['answered', 2],
      ['closed', 3],
      ['open', 4],
    ]);
    expect(await ticketsIn(base).eventTypes(ticket.id)).toEqual([
      'submitted',
      'marked-answered',
      'closed',
      'reopened',
    ]);
    const audit = await storedOf(base).audit(account.accountId);
    expect(audit.map((entry) => entry.changes)).toEqual(
      expect.arrayContaining([
        { status: { before: 'open', after: 'answered' } },
        { status: { before: 'answered', after: 'closed' } },
        { status: { before: 'closed', after: 'open' } },
      ])
    );
    expect(audit).toHaveLength(3);
    expect(audit[0]).toMatchObject({
      action: 'ticket.status-set',
      target: `ticket/${ticket.id}`,
      actor: { kind: 'staff', loginId: HELPDESK.staffId },
    });
  });

  it('lists the queue of one turn newest or oldest first, several statuses together or one alone', async () => {
    // Prepare: activity one second apart, across two accounts
    const { at } = caseClock();
    const first = newAccount();
    const second = newAccount();
    const store = open();
    await storeAccount(store, { contacts: [first.primary] });
    await storeAccount(store, { contacts: [second.primary] });
    at(1);
    const waiting = await openAs(store, memberOf(first.primary));
    at(2);
    const replied = await openAs(store, memberOf(second.primary));
    at(3);
    const answered = await openAs(store, memberOf(first.primary));
    at(4);
    await replyToTicket(store, memberOf(second.primary), replied.id, 'Any news?');
    at(5);
    await answerTicket(store, HELPDESK, staffCheckOn(store), answered.id, 'Done.');
    const mine = new Set([waiting.id, replied.id, answered.id]);
    const ids = (rows: { id: string }[]) => rows.map((row) => row.id).filter((id) => mine.has(id));

    // Act
    const newest = await wholeQueue(store, { status: ['open', 'customer-reply'], order: 'newest' });
    const oldest = await wholeQueue(store, { status: ['customer-reply', 'open'], order: 'oldest' });
    const openOnly = await wholeQueue(store, { status: ['open'], order: 'newest' });
    const answeredTurn = await wholeQueue(store, { status: ['answered'], order: 'newest' });

    // Assess
    expect(ids(newest)).toEqual([replied.id, waiting.id]);
    expect(ids(oldest)).toEqual([waiting.id, replied.id]);
    expect(ids(openOnly)).toEqual([waiting.id]);
    expect(ids(answeredTurn)).toEqual([answered.id]);
    expect(newest.find((row) => row.id === replied.id)).toMatchObject({
      status: 'customer-reply',
      accountId: second.accountId,
      accountName: 'Demo Hosting Customer',
    });
    expect(openOnly.every((row) => row.status === 'open')).toBe(true);
  });
};
