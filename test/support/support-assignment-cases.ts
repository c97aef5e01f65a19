/**
 * The rules of support assignment (functions/services/support-contacts.ts)
 * as cases on any TableStore: run on the in-memory table (unit) and on
 * DynamoDB Local (integration). Each case writes its own fresh account.
 */
import { describe, expect, it } from 'vitest';
import { tableName } from '#core/clients/dynamodb';
import type { AssignedService, Contact } from '#core/entities/contact';
import { contactKeys } from '#core/entities/contact';
import { patchAtVersion, patchIfExists } from '#core/entities/item-writes';
import { type Service, serviceKeys, supportSnapshot } from '#core/entities/service';
import type { DomainError } from '#core/errors';
import { PROBLEM, type ProblemType, problemTypeUri } from '#core/problem-types';
import type { TableStore } from '#core/store';
import { MAX_ASSIGNED_SERVICES } from '#core/support-mirror';
import {
  assignSupportContact,
  MAX_SUPPORT_CONTACTS,
  resetSupportContact,
} from '../../functions/services/support-contacts.ts';
import { memberOf, newAccount, storeAccount, storedOf, watched } from './store-accounts.ts';

const AT = '2026-01-01T00:00:00.000Z';

const refusalOf = async (act: () => Promise<unknown>) => {
  try {
    await act();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
};

const expectProblem = (error: DomainError, problem: ProblemType) => {
  expect({ status: error.statusCode, type: error.type }).toEqual({
    status: problem.status,
    type: problemTypeUri(problem),
  });
};

const assignedTo = (service: Service): AssignedService[] => [
  { id: service.id, type: service.type, assignedAt: AT },
];

const target = (service: Service, contact: Contact) => ({
  kind: service.type === 'domain' ? ('domain' as const) : ('service' as const),
  serviceId: service.id,
  contactId: contact.id,
});

export const describeSupportAssignment = (name: string, open: () => TableStore) =>
  describe(`${name}: support assignment`, () => {
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
      expect((await stored.contact(second))?.assignedServices.map((s) => s.id)).toEqual([
        service.id,
      ]);
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
            tableName,
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
          patchIfExists(tableName, contactKeys({ accountId: tech.accountId, contactId: tech.id }), {
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
  });
