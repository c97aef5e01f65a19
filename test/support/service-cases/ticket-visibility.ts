/**
 * Who sees which ticket (functions/tickets/visibility.ts) as the listing,
 * the detail, replies and closing apply it: the primary and `global`
 * contacts every ticket, `isolated` ones those of their services and their
 * own, `none` their own; a ticket out of sight is answered as missing.
 */
import { expect, it } from 'vitest';
import { PROBLEM } from '#core/platform/problem-types';
import type { TableStore } from '#core/table/store';
import { resetSupportContact } from '../../../functions/services/support-contacts.ts';
import {
  closeTicketAsMember,
  getTicket,
  replyToTicket,
} from '../../../functions/tickets/service.ts';
import { memberOf, newAccount, storeAccount, watched } from '../store-accounts.ts';
import { assignedTo, expectProblem, refusalOf, target } from './common.ts';
import { listedIds, openAs, rereadCaller, ticketsIn } from './ticket-desk.ts';

/** One account with a ticket of every kind, and a login of every support scope. */
const desk = async (store: TableStore) => {
  const account = newAccount();
  const assigned = account.service();
  const elsewhere = account.service();
  const isolated = account.subAccount('isolated', ['tickets'], {
    supportScope: 'isolated',
    assignedServices: assignedTo(assigned),
  });
  const globalScope = account.subAccount('global', ['tickets'], { supportScope: 'global' });
  const none = account.subAccount('none', ['tickets']);
  await storeAccount(store, {
    contacts: [account.primary, isolated, globalScope, none],
    services: [assigned, elsewhere],
  });
  const owner = memberOf(account.primary);
  const tickets = {
    aboutAssigned: await openAs(store, owner, { serviceId: assigned.id }),
    aboutElsewhere: await openAs(store, owner, { serviceId: elsewhere.id }),
    plain: await openAs(store, owner),
    ofIsolated: await openAs(store, memberOf(isolated)),
    ofNone: await openAs(store, memberOf(none)),
  };
  return { account, assigned, isolated, globalScope, none, owner, tickets };
};

const idsOf = (...tickets: { id: string }[]) => tickets.map((ticket) => ticket.id).sort();

export const ticketVisibility = (open: () => TableStore) => {
  it('lists every ticket to the primary and a global contact, to an isolated one those of its services and its own, to a none one its own', async () => {
    // Prepare
    const store = open();
    const { tickets, owner, isolated, globalScope, none } = await desk(store);

    // Act
    const seen = {
      primary: await listedIds(store, owner),
      global: await listedIds(store, memberOf(globalScope)),
      isolated: await listedIds(store, memberOf(isolated)),
      none: await listedIds(store, memberOf(none)),
    };

    // Assess
    expect(seen).toEqual({
      primary: idsOf(...Object.values(tickets)),
      global: idsOf(...Object.values(tickets)),
      isolated: idsOf(tickets.aboutAssigned, tickets.ofIsolated),
      none: idsOf(tickets.ofNone),
    });
  });

  it('answers an isolated contact a ticket it may not see as missing, and writes nothing for its reply or close', async () => {
    // Prepare
    const store = open();
    const { tickets, isolated } = await desk(store);
    const caller = memberOf(isolated);

    // Act
    const readable = await getTicket(store, caller, tickets.aboutAssigned.id);
    const refusals = [
      await refusalOf(() => getTicket(store, caller, tickets.aboutElsewhere.id)),
      await refusalOf(() => getTicket(store, caller, tickets.ofNone.id)),
      await refusalOf(() => replyToTicket(store, caller, tickets.aboutElsewhere.id, 'Mine now')),
      await refusalOf(() => closeTicketAsMember(store, caller, tickets.plain.id)),
    ];

    // Assess
    expect(readable.ticket.id).toBe(tickets.aboutAssigned.id);
    for (const error of refusals) expectProblem(error, PROBLEM.notFound);
    expect(await ticketsIn(store).conversation(tickets.aboutElsewhere)).toMatchObject({
      ticket: { version: 1, status: 'open' },
      messages: [{ author: { kind: 'contact' } }],
    });
    expect((await ticketsIn(store).conversation(tickets.plain))?.ticket.status).toBe('open');
  });

  it('no longer shows an isolated contact the tickets of a service once its support there is reset, only its own', async () => {
    // Prepare
    const store = open();
    const { tickets, isolated, assigned, owner } = await desk(store);
    await resetSupportContact(store, owner, target(assigned, isolated), {});

    // Act
    const caller = await rereadCaller(store, isolated);
    const listed = await listedIds(store, caller);
    const refused = await refusalOf(() => getTicket(store, caller, tickets.aboutAssigned.id));

    // Assess
    expect(caller.membership.supportServiceIds).toEqual([]);
    expect(listed).toEqual(idsOf(tickets.ofIsolated));
    expectProblem(refused, PROBLEM.notFound);
  });

  it('answers a login of another account, even its primary, every ticket of this one as missing, writing nothing', async () => {
    // Prepare
    const store = open();
    const { tickets } = await desk(store);
    const stranger = newAccount();
    await storeAccount(store, { contacts: [stranger.primary] });
    const caller = memberOf(stranger.primary);
    const theirs = tickets.plain;

    // Act
    const refusals = [
      await refusalOf(() => getTicket(store, caller, theirs.id)),
      await refusalOf(() => replyToTicket(store, caller, theirs.id, 'Hello from outside')),
      await refusalOf(() => closeTicketAsMember(store, caller, theirs.id)),
    ];
    const listed = await listedIds(store, caller);

    // Assess
    for (const error of refusals) expectProblem(error, PROBLEM.notFound);
    expect(listed).toEqual([]);
    expect(await ticketsIn(store).conversation(theirs)).toMatchObject({
      ticket: { version: 1, status: 'open', messageCount: 1 },
    });
    expect(await ticketsIn(store).ofAccount(stranger.accountId)).toEqual([]);
  });

  it('answers an id that is not a ticket id as missing without reading the table', async () => {
    // Prepare
    const account = newAccount();
    const base = open();
    await storeAccount(base, { contacts: [account.primary] });
    const store = watched(base);

    // Act
    const error = await refusalOf(() =>
      getTicket(store, memberOf(account.primary), 'TICKET#../../x')
    );

    // Assess
    expectProblem(error, PROBLEM.notFound);
    expect(store.calls).toEqual({ reads: 0, writes: 0 });
  });
};
