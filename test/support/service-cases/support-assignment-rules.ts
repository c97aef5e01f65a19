/**
 * Support assignment (functions/services/support-contacts.ts): what it
 * writes, when it writes nothing, and the limits and ids it refuses.
 */
import { expect, it } from 'vitest';
import { supportSnapshot } from '#core/entities/service';
import { PROBLEM } from '#core/platform/problem-types';
import type { TableStore } from '#core/table/store';
import { MAX_ASSIGNED_SERVICES } from '#core/workflows/support-mirror';
import {
  assignSupportContact,
  MAX_SUPPORT_CONTACTS,
  resetSupportContact,
} from '../../../functions/services/support-contacts.ts';
import { memberOf, newAccount, storeAccount, storedOf, watched } from '../store-accounts.ts';
import { AT, assignedTo, expectProblem, refusalOf, target } from './common.ts';

export const supportAssignmentRules = (open: () => TableStore) => {
  it('assigns an isolated contact: the service shows it, the contact and its login list the service, the audit records it, in one read and one write', async () => {
    // Prepare
    const account = newAccount();
    const service = account.service();
    const tech = account.subAccount('tech', ['tickets'], { supportScope: 'isolated' });
    const base = open();
    await storeAccount(base, { contacts: [account.primary, tech], services: [service] });
    const store = watched(base);

    // Act
    const result = await assignSupportContact(
      store,
      memberOf(account.primary),
      target(service, tech),
      { ifMatch: 1 }
    );

    // Assess
    const stored = storedOf(base);
    expect(result.version).toBe(2);
    expect(await stored.service(service)).toEqual(result);
    expect(Object.keys(result.supportContacts)).toEqual([tech.id]);
    expect(result.supportContacts[tech.id]).toMatchObject({ email: tech.email });
    expect(await stored.contact(tech)).toMatchObject({
      version: 2,
      assignedServices: [{ id: service.id, type: 'hosting' }],
    });
    expect(await stored.membership(tech)).toMatchObject({
      supportScope: 'isolated',
      supportServiceIds: [service.id],
    });
    const audit = await stored.audit(account.accountId);
    expect(audit).toMatchObject([
      {
        action: 'support.assigned',
        target: `service/${service.id}`,
        actor: { loginId: account.primary.loginId, name: 'PRIMARY Example' },
        changes: { supportContacts: { before: [], after: [tech.id] } },
      },
    ]);
    expect(store.calls).toEqual({ reads: 1, writes: 1 });
  });

  it('changes the support contact: assigns another, then resets the first', async () => {
    // Prepare
    const account = newAccount();
    const service = account.service();
    const first = account.contact('first', {
      supportScope: 'isolated',
      assignedServices: assignedTo(service),
    });
    const second = account.contact('second', { supportScope: 'global' });
    const store = open();
    await storeAccount(store, {
      contacts: [account.primary, first, second],
      services: [service],
    });
    const owner = memberOf(account.primary);

    // Act
    await assignSupportContact(store, owner, target(service, second), {});
    await resetSupportContact(store, owner, target(service, first), { ifMatch: 2 });

    // Assess
    const stored = storedOf(store);
    const after = await stored.service(service);
    expect(Object.keys(after?.supportContacts ?? {})).toEqual([second.id]);
    expect(after?.version).toBe(3);
    expect((await stored.contact(first))?.assignedServices).toEqual([]);
    expect((await stored.contact(second))?.assignedServices.map((s) => s.id)).toEqual([service.id]);
    expect((await stored.audit(account.accountId)).map((entry) => entry.action).sort()).toEqual([
      'support.assigned',
      'support.reset',
    ]);
  });

  it('writes nothing to assign a contact twice or to reset one that supports nothing there', async () => {
    // Prepare
    const account = newAccount();
    const service = account.service();
    const assigned = account.contact('assigned', {
      supportScope: 'global',
      assignedServices: assignedTo(service),
    });
    const idle = account.contact('idle', { supportScope: 'global' });
    const base = open();
    await storeAccount(base, {
      contacts: [account.primary, assigned, idle],
      services: [service],
    });
    const store = watched(base);
    const owner = memberOf(account.primary);

    // Act
    const again = await assignSupportContact(store, owner, target(service, assigned), {});
    await resetSupportContact(store, owner, target(service, idle), {});

    // Assess
    expect(again.version).toBe(1);
    expect(store.calls.writes).toBe(0);
    expect(await storedOf(base).audit(account.accountId)).toEqual([]);
  });

  it('refuses a contact with the support scope none, writing nothing', async () => {
    // Prepare
    const account = newAccount();
    const service = account.service();
    const plain = account.contact('plain');
    const store = open();
    await storeAccount(store, { contacts: [account.primary, plain], services: [service] });

    // Act
    const error = await refusalOf(() =>
      assignSupportContact(store, memberOf(account.primary), target(service, plain), {})
    );

    // Assess
    expectProblem(error, PROBLEM.supportScopeNone);
    expect((await storedOf(store).service(service))?.version).toBe(1);
  });

  it('refuses another account’s service and another account’s contact as missing, writing in neither account', async () => {
    // Prepare
    const mine = newAccount();
    const theirs = newAccount();
    const myService = mine.service();
    const theirService = theirs.service();
    const myContact = mine.contact('mine', { supportScope: 'global' });
    const theirContact = theirs.contact('theirs', { supportScope: 'global' });
    const store = open();
    await storeAccount(store, { contacts: [mine.primary, myContact], services: [myService] });
    await storeAccount(store, {
      contacts: [theirs.primary, theirContact],
      services: [theirService],
    });
    const owner = memberOf(mine.primary);

    // Act
    const theirServiceRefused = await refusalOf(() =>
      assignSupportContact(store, owner, target(theirService, myContact), {})
    );
    const theirContactRefused = await refusalOf(() =>
      assignSupportContact(store, owner, target(myService, theirContact), {})
    );
    const theirResetRefused = await refusalOf(() =>
      resetSupportContact(store, owner, target(theirService, theirContact), {})
    );

    // Assess
    for (const error of [theirServiceRefused, theirContactRefused, theirResetRefused])
      expectProblem(error, PROBLEM.notFound);
    const stored = storedOf(store);
    expect((await stored.service(theirService))?.version).toBe(1);
    expect((await stored.service(myService))?.version).toBe(1);
    expect(await stored.audit(mine.accountId)).toEqual([]);
    expect(await stored.audit(theirs.accountId)).toEqual([]);
  });

  it('refuses a domain addressed as a service, and a service as a domain', async () => {
    // Prepare
    const account = newAccount();
    const domain = account.service({ type: 'domain', label: 'example.org' });
    const service = account.service();
    const tech = account.contact('tech', { supportScope: 'global' });
    const store = open();
    await storeAccount(store, { contacts: [account.primary, tech], services: [domain, service] });
    const owner = memberOf(account.primary);

    // Act
    const domainAsService = await refusalOf(() =>
      assignSupportContact(store, owner, { ...target(domain, tech), kind: 'service' }, {})
    );
    const serviceAsDomain = await refusalOf(() =>
      assignSupportContact(store, owner, { ...target(service, tech), kind: 'domain' }, {})
    );

    // Assess
    expectProblem(domainAsService, PROBLEM.notFound);
    expectProblem(serviceAsDomain, PROBLEM.notFound);
  });

  it(`refuses a contact already supporting ${MAX_ASSIGNED_SERVICES} services`, async () => {
    // Prepare
    const account = newAccount();
    const service = account.service();
    const busy = account.contact('busy', {
      supportScope: 'global',
      assignedServices: Array.from({ length: MAX_ASSIGNED_SERVICES }, (_, index) => ({
        id: `elsewhere-${index}`,
        type: 'hosting' as const,
        assignedAt: AT,
      })),
    });
    const store = open();
    await storeAccount(store, { contacts: [account.primary, busy], services: [service] });

    // Act
    const error = await refusalOf(() =>
      assignSupportContact(store, memberOf(account.primary), target(service, busy), {})
    );

    // Assess
    expectProblem(error, PROBLEM.contactSupportLimit);
    expect((await storedOf(store).service(service))?.supportContacts).toEqual({});
  });

  it(`refuses a service already showing ${MAX_SUPPORT_CONTACTS} support contacts`, async () => {
    // Prepare
    const account = newAccount();
    const crowd = Array.from({ length: MAX_SUPPORT_CONTACTS }, (_, index) =>
      account.contact(`crowd${index}`, { supportScope: 'global' })
    );
    const service = account.service({
      supportContacts: Object.fromEntries(
        crowd.map((contact) => [contact.id, supportSnapshot(contact, AT)])
      ),
    });
    const late = account.contact('late', { supportScope: 'global' });
    const store = open();
    await storeAccount(store, { contacts: [account.primary, late], services: [service] });

    // Act
    const error = await refusalOf(() =>
      assignSupportContact(store, memberOf(account.primary), target(service, late), {})
    );

    // Assess
    expectProblem(error, PROBLEM.serviceSupportLimit);
    expect((await storedOf(store).contact(late))?.assignedServices).toEqual([]);
  });
};
