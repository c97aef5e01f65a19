/**
 * The tickets area under attack: services out of reach, support reset or a
 * ticket changed between a request's read and its write, keys reused for
 * another request, stale versions, and queue statuses of two turns. Each
 * refusal leaves the table as it was.
 */
import { expect, it } from 'vitest';
import { PROBLEM } from '#core/platform/problem-types';
import type { TableStore } from '#core/table/store';
import { resetSupportContact } from '../../../functions/services/support-contacts.ts';
import {
  closeTicketAsMember,
  openTicket,
  replyToTicket,
} from '../../../functions/tickets/service.ts';
import { listQueue, setStatusAsStaff } from '../../../functions/tickets/staff.ts';
import { memberOf, newAccount, storeAccount, storedOf, watched } from '../store-accounts.ts';
import { assignedTo, expectProblem, refusalOf, target } from './common.ts';
import { asked, caseClock, HELPDESK, openAs, staffCheckOn, ticketsIn } from './ticket-desk.ts';

export const ticketAttacks = (open: () => TableStore) => {
  it('refuses a ticket about another account’s service (422), writing in neither account', async () => {
    // Prepare
    const mine = newAccount();
    const theirs = newAccount();
    const theirService = theirs.service();
    const store = open();
    await storeAccount(store, { contacts: [mine.primary] });
    await storeAccount(store, { contacts: [theirs.primary], services: [theirService] });

    // Act
    const error = await refusalOf(() =>
      openAs(store, memberOf(mine.primary), { serviceId: theirService.id })
    );

    // Assess
    expectProblem(error, PROBLEM.unknownReference);
    expect(await ticketsIn(store).ofAccount(mine.accountId)).toEqual([]);
    expect(await ticketsIn(store).ofAccount(theirs.accountId)).toEqual([]);
  });

  it('refuses an isolated contact a service not assigned to it, and a none contact any service (403), before any read', async () => {
    // Prepare
    const account = newAccount();
    const assigned = account.service();
    const other = account.service();
    const isolated = account.subAccount('isolated', ['tickets'], {
      supportScope: 'isolated',
      assignedServices: assignedTo(assigned),
    });
    const none = account.subAccount('none', ['tickets']);
    const base = open();
    await storeAccount(base, {
      contacts: [account.primary, isolated, none],
      services: [assigned, other],
    });
    const store = watched(base);

    // Act
    const unassigned = await refusalOf(() =>
      openAs(store, memberOf(isolated), { serviceId: other.id })
    );
    const noAccess = await refusalOf(() =>
      openAs(store, memberOf(none), { serviceId: assigned.id })
    );

    // Assess
    expectProblem(unassigned, PROBLEM.serviceNotAssigned);
    expectProblem(noAccess, PROBLEM.noSupportAccess);
    expect(store.calls).toEqual({ reads: 0, writes: 0 });
    expect(await ticketsIn(base).ofAccount(account.accountId)).toEqual([]);
  });

  it('refuses whole a ticket about a service whose support was reset between the read and the write', async () => {
    // Prepare: the caller holds the membership as read before the reset
    const account = newAccount();
    const service = account.service();
    const tech = account.subAccount('tech', ['tickets'], {
      supportScope: 'isolated',
      assignedServices: assignedTo(service),
    });
    const base = open();
    await storeAccount(base, { contacts: [account.primary, tech], services: [service] });
    const store = watched(base, (table) =>
      resetSupportContact(table, memberOf(account.primary), target(service, tech), {})
    );

    // Act
    const error = await refusalOf(() => openAs(store, memberOf(tech), { serviceId: service.id }));

    // Assess
    expectProblem(error, PROBLEM.supportAccessChanged);
    expect(await ticketsIn(base).ofAccount(account.accountId)).toEqual([]);
  });

  it('refuses an Idempotency-Key sent again with another request (422), opening nothing', async () => {
    // Prepare
    const account = newAccount();
    const store = open();
    await storeAccount(store, { contacts: [account.primary] });
    const owner = memberOf(account.primary);
    const first = await openTicket(store, owner, asked(), 'key-1');

    // Act
    const error = await refusalOf(() =>
      openTicket(store, owner, asked({ subject: 'Something else' }), 'key-1')
    );

    // Assess
    expectProblem(error, PROBLEM.idempotencyKeyReused);
    expect((await ticketsIn(store).ofAccount(account.accountId)).map((t) => t.id)).toEqual([
      first.ticket.id,
    ]);
  });

  it('refuses whole a reply and a close when the ticket changed between their read and their write (409)', async () => {
    // Prepare
    const account = newAccount();
    const base = open();
    await storeAccount(base, { contacts: [account.primary] });
    const owner = memberOf(account.primary);
    const { at } = caseClock();
    const ticket = await openAs(base, owner);
    const meanwhile = (table: TableStore) =>
      replyToTicket(table, owner, ticket.id, 'Written meanwhile.').then(() => undefined);

    // Act
    at(1);
    const reply = await refusalOf(() =>
      replyToTicket(watched(base, meanwhile), owner, ticket.id, 'From a stale read.')
    );
    at(2);
    const close = await refusalOf(() =>
      closeTicketAsMember(watched(base, meanwhile), owner, ticket.id)
    );

    // Assess
    expectProblem(reply, PROBLEM.changedMeanwhile);
    expectProblem(close, PROBLEM.changedMeanwhile);
    const stored = await ticketsIn(base).conversation(ticket);
    expect(stored?.ticket).toMatchObject({ status: 'customer-reply', version: 3, messageCount: 3 });
    expect(stored?.messages.map((message) => message.body)).toEqual([
      'Since 9:00 the site answers 502.',
      'Written meanwhile.',
      'Written meanwhile.',
    ]);
    expect(await ticketsIn(base).eventTypes(ticket.id)).toEqual([
      'submitted',
      'replied',
      'replied',
    ]);
  });

  it('refuses the helpdesk a stale If-Match (412) or body version (409) before any write, and a change landing after its read (409)', async () => {
    // Prepare
    const account = newAccount();
    const base = open();
    await storeAccount(base, { contacts: [account.primary] });
    const owner = memberOf(account.primary);
    const { at } = caseClock();
    const ticket = await openAs(base, owner);
    at(1);
    const checked = watched(base);
    const raced = watched(base, (table) =>
      replyToTicket(table, owner, ticket.id, 'Written meanwhile.').then(() => undefined)
    );
    const close = (store: TableStore, claim: { ifMatch?: number; bodyVersion?: number }) =>
      setStatusAsStaff(store, HELPDESK, staffCheckOn(store), ticket.id, 'closed', claim);

    // Act
    const staleIfMatch = await refusalOf(() => close(checked, { ifMatch: 2 }));
    const staleBody = await refusalOf(() => close(checked, { bodyVersion: 0 }));
    const race = await refusalOf(() => close(raced, { ifMatch: 1 }));

    // Assess
    expectProblem(staleIfMatch, PROBLEM.staleVersion);
    expectProblem(staleBody, PROBLEM.staleBodyVersion);
    expect(checked.calls.writes).toBe(0);
    expectProblem(race, PROBLEM.changedMeanwhile);
    expect((await ticketsIn(base).conversation(ticket))?.ticket.status).toBe('customer-reply');
    expect(await ticketsIn(base).eventTypes(ticket.id)).toEqual(['submitted', 'replied']);
    expect(await storedOf(base).audit(account.accountId)).toEqual([]);
  });

  it('refuses queue statuses of two turns (400), and answers an unknown or malformed ticket as missing, after the staff check', async () => {
    // Prepare
    const base = open();
    const store = watched(base);
    const unknownId = '01JD0000000000000000000000';

    // Act
    const twoTurns = await refusalOf(() =>
      listQueue(store, HELPDESK, staffCheckOn(store), {
        status: ['open', 'closed'],
        order: 'newest',
        limit: 10,
      })
    );
    const unknown = await refusalOf(() =>
      setStatusAsStaff(store, HELPDESK, staffCheckOn(store), unknownId, 'closed', {})
    );
    const malformed = await refusalOf(() =>
      setStatusAsStaff(store, HELPDESK, staffCheckOn(store), 'TICKET#x', 'closed', {})
    );

    // Assess
    expectProblem(twoTurns, PROBLEM.validationFailed);
    expect(twoTurns.extensions.errors).toMatchObject([{ field: 'status', code: 'not_combinable' }]);
    expectProblem(unknown, PROBLEM.notFound);
    expectProblem(malformed, PROBLEM.notFound);
    expect(store.calls).toEqual({ reads: 3, writes: 0 });
  });
};
