/**
 * Support assignment under attack: stale versions, changes landing between
 * read and write, and sub-accounts reaching for more than they hold.
 */
import { expect, it } from 'vitest';
import { contactKeys } from '#core/entities/contact';
import { patchAtVersion, patchIfExists } from '#core/entities/item-writes';
import { serviceKeys } from '#core/entities/service';
import { PROBLEM } from '#core/platform/problem-types';
import type { TableStore } from '#core/table/store';
import {
  assignSupportContact,
  resetSupportContact,
} from '../../../functions/services/support-contacts.ts';
import { memberOf, newAccount, storeAccount, storedOf, watched } from '../store-accounts.ts';
import { assignedTo, expectProblem, refusalOf, target } from './common.ts';

export const supportAssignmentAttacks = (open: () => TableStore) => {
  it('refuses a stale If-Match before any write', async () => {
    // Prepare
    const account = newAccount();
    const service = account.service({ version: 3 });
    const tech = account.contact('tech', { supportScope: 'global' });
    const base = open();
    await storeAccount(base, { contacts: [account.primary, tech], services: [service] });
    const store = watched(base);

    // Act
    const error = await refusalOf(() =>
      assignSupportContact(store, memberOf(account.primary), target(service, tech), {
        ifMatch: 2,
      })
    );

    // Assess
    expectProblem(error, PROBLEM.staleVersion);
    expect(store.calls.writes).toBe(0);
  });

  it('refuses whole an assignment whose service changed between its read and its write', async () => {
    // Prepare
    const account = newAccount();
    const service = account.service();
    const tech = account.subAccount('tech', ['tickets'], { supportScope: 'isolated' });
    const base = open();
    await storeAccount(base, { contacts: [account.primary, tech], services: [service] });
    const store = watched(base, (table) =>
      table.update(
        patchAtVersion(
          serviceKeys({ accountId: account.accountId, serviceId: service.id }),
          { label: 'Renamed meanwhile' },
          1
        )
      )
    );

    // Act
    const error = await refusalOf(() =>
      assignSupportContact(store, memberOf(account.primary), target(service, tech), {
        ifMatch: 1,
      })
    );

    // Assess
    expectProblem(error, PROBLEM.staleVersion);
    const stored = storedOf(base);
    expect((await stored.service(service))?.supportContacts).toEqual({});
    expect((await stored.contact(tech))?.assignedServices).toEqual([]);
    expect((await stored.membership(tech))?.supportServiceIds).toEqual([]);
    expect(await stored.audit(account.accountId)).toEqual([]);
  });

  it('refuses an assignment whose contact lost its support scope between read and write', async () => {
    // Prepare
    const account = newAccount();
    const service = account.service();
    const tech = account.contact('tech', { supportScope: 'isolated' });
    const base = open();
    await storeAccount(base, { contacts: [account.primary, tech], services: [service] });
    const store = watched(base, (table) =>
      table.update(
        patchIfExists(contactKeys({ accountId: tech.accountId, contactId: tech.id }), {
          supportScope: 'none',
        })
      )
    );

    // Act
    const error = await refusalOf(() =>
      assignSupportContact(store, memberOf(account.primary), target(service, tech), {})
    );

    // Assess
    expectProblem(error, PROBLEM.changedMeanwhile);
    expect((await storedOf(base).service(service))?.supportContacts).toEqual({});
  });

  it('lets an isolated sub-account manage support on its own services only, naming whom to ask', async () => {
    // Prepare
    const account = newAccount();
    const reached = account.service();
    const beyond = account.service();
    const manager = account.subAccount('manager', ['services:manage'], {
      supportScope: 'isolated',
      assignedServices: assignedTo(reached),
    });
    const tech = account.contact('tech', { supportScope: 'isolated' });
    const store = open();
    await storeAccount(store, {
      contacts: [account.primary, manager, tech],
      services: [reached, beyond],
    });
    const caller = memberOf(manager);

    // Act
    const allowed = await assignSupportContact(store, caller, target(reached, tech), {});
    const error = await refusalOf(() =>
      assignSupportContact(store, caller, target(beyond, tech), {})
    );

    // Assess
    expect(Object.keys(allowed.supportContacts).sort()).toEqual([manager.id, tech.id].sort());
    expectProblem(error, PROBLEM.serviceOutOfReach);
    expect(error.extensions).toMatchObject({
      area: 'services:manage',
      grantedBy: { name: 'PRIMARY Example' },
    });
    expect((await storedOf(store).service(beyond))?.supportContacts).toEqual({});
  });

  it('refuses a sub-account assigning itself, or a login holding more than it', async () => {
    // Prepare
    const account = newAccount();
    const service = account.service();
    const manager = account.subAccount('manager', ['services:manage'], {
      supportScope: 'global',
    });
    const admin = account.subAccount('admin', ['services:manage', 'tickets'], {
      supportScope: 'global',
    });
    const store = open();
    await storeAccount(store, {
      contacts: [account.primary, manager, admin],
      services: [service],
    });
    const caller = memberOf(manager);

    // Act
    const itself = await refusalOf(() =>
      assignSupportContact(store, caller, target(service, manager), {})
    );
    const holdsMore = await refusalOf(() =>
      assignSupportContact(store, caller, target(service, admin), {})
    );
    const resetHoldsMore = await refusalOf(() =>
      resetSupportContact(store, caller, target(service, admin), {})
    );

    // Assess
    expectProblem(itself, PROBLEM.selfChangeRefused);
    expectProblem(holdsMore, PROBLEM.loginHoldsMore);
    expectProblem(resetHoldsMore, PROBLEM.loginHoldsMore);
    expect(holdsMore.extensions).toMatchObject({ area: 'tickets' });
    expect((await storedOf(store).service(service))?.supportContacts).toEqual({});
  });
};
