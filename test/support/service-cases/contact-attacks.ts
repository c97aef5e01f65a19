/**
 * Contacts under attack: the primary protected, another account's ids,
 * sub-accounts reaching for more than they hold, and a change that loses
 * its race with another.
 */
import { expect, it } from 'vitest';
import { contactKeys } from '#core/entities/contact';
import { patchAtVersion } from '#core/entities/item-writes';
import { PROBLEM } from '#core/platform/problem-types';
import type { TableStore } from '#core/table/store';
import {
  createContact,
  deleteContact,
  getContact,
  patchContact,
  patchOwnContact,
} from '../../../functions/contacts/service.ts';
import { memberOf, newAccount, storeAccount, storedOf, watched } from '../store-accounts.ts';
import { assignedTo, expectProblem, refusalOf } from './common.ts';
import { contactInput } from './contact-rules.ts';

export const contactAttacks = (open: () => TableStore) => {
  it('protects the primary contact: no change or removal here, by anyone', async () => {
    // Prepare
    const account = newAccount();
    const helper = account.subAccount('helper', ['contacts']);
    const store = open();
    await storeAccount(store, { contacts: [account.primary, helper] });
    const owner = memberOf(account.primary);
    const { primary } = account;

    // Act
    const refusals = [
      await refusalOf(() => patchContact(store, owner, primary.id, { phone: '+441632960000' }, {})),
      await refusalOf(() => patchOwnContact(store, owner, { phone: '+441632960000' }, {})),
      await refusalOf(() => deleteContact(store, owner, primary.id, {})),
      await refusalOf(() => deleteContact(store, memberOf(helper), primary.id, {})),
    ];

    // Assess
    for (const error of refusals) expectProblem(error, PROBLEM.primaryContactProtected);
    expect(await storedOf(store).contact(primary)).toMatchObject({ version: 1 });
  });

  it('answers another account’s contact as missing, changing nothing there', async () => {
    // Prepare
    const mine = newAccount();
    const theirs = newAccount();
    const target = theirs.contact('target');
    const store = open();
    await storeAccount(store, { contacts: [mine.primary] });
    await storeAccount(store, { contacts: [theirs.primary, target] });
    const owner = memberOf(mine.primary);

    // Act
    const refusals = [
      await refusalOf(() => getContact(store, mine.accountId, target.id)),
      await refusalOf(() => patchContact(store, owner, target.id, { phone: '+441632960000' }, {})),
      await refusalOf(() => deleteContact(store, owner, target.id, {})),
    ];

    // Assess
    for (const error of refusals) expectProblem(error, PROBLEM.notFound);
    expect(await storedOf(store).contact(target)).toMatchObject({ version: 1 });
    expect(await storedOf(store).audit(theirs.accountId)).toEqual([]);
  });

  it('refuses an isolated sub-account a contact scope wider than its own, or widening its own', async () => {
    // Prepare
    const account = newAccount();
    const service = account.service();
    const helper = account.subAccount('helper', ['contacts'], {
      supportScope: 'isolated',
      assignedServices: assignedTo(service),
    });
    const plain = account.contact('plain');
    const store = open();
    await storeAccount(store, { contacts: [account.primary, helper, plain], services: [service] });
    const caller = memberOf(helper);

    // Act
    const wideNew = await refusalOf(() =>
      createContact(store, caller, contactInput({ supportScope: 'global' }))
    );
    const widened = await refusalOf(() =>
      patchContact(store, caller, plain.id, { supportScope: 'global' }, {})
    );
    const ownWidened = await refusalOf(() =>
      patchContact(store, caller, helper.id, { supportScope: 'global' }, {})
    );

    // Assess
    expectProblem(wideNew, PROBLEM.supportScopeTooWide);
    expectProblem(widened, PROBLEM.supportScopeTooWide);
    expectProblem(ownWidened, PROBLEM.selfChangeRefused);
    expect(wideNew.extensions).toMatchObject({ grantedBy: { name: 'PRIMARY Example' } });
    const stored = storedOf(store);
    expect((await stored.profile(account.accountId)).contacts).toHaveLength(3);
    expect(await stored.contact(plain)).toMatchObject({ supportScope: 'none', version: 1 });
    expect(await stored.contact(helper)).toMatchObject({ supportScope: 'isolated', version: 1 });
  });

  it('refuses a sub-account removing a login that holds more or reaches services outside its own', async () => {
    // Prepare
    const account = newAccount();
    const mine = account.service();
    const other = account.service();
    const helper = account.subAccount('helper', ['contacts'], {
      supportScope: 'isolated',
      assignedServices: assignedTo(mine),
    });
    const admin = account.subAccount('admin', ['contacts', 'tickets']);
    const outside = account.subAccount('outside', ['contacts'], {
      supportScope: 'isolated',
      assignedServices: assignedTo(other),
    });
    const store = open();
    await storeAccount(store, {
      contacts: [account.primary, helper, admin, outside],
      services: [mine, other],
    });
    const caller = memberOf(helper);

    // Act
    const holdsMore = await refusalOf(() => deleteContact(store, caller, admin.id, {}));
    const reachesMore = await refusalOf(() => deleteContact(store, caller, outside.id, {}));
    const rescoped = await refusalOf(() =>
      patchContact(store, caller, outside.id, { supportScope: 'none' }, {})
    );

    // Assess
    expectProblem(holdsMore, PROBLEM.loginHoldsMore);
    expectProblem(reachesMore, PROBLEM.loginReachesMore);
    expectProblem(rescoped, PROBLEM.loginReachesMore);
    const stored = storedOf(store);
    expect(await stored.membership(admin)).toBeDefined();
    expect(await stored.contact(outside)).toMatchObject({ assignedServices: assignedTo(other) });
    expect(Object.keys((await stored.service(other))?.supportContacts ?? {})).toEqual([outside.id]);
  });

  it('refuses whole a change whose contact changed between its read and its write', async () => {
    // Prepare
    const account = newAccount();
    const plain = account.contact('plain');
    const base = open();
    await storeAccount(base, { contacts: [account.primary, plain] });
    const store = watched(base, (table) =>
      table.update(
        patchAtVersion(
          contactKeys({ accountId: plain.accountId, contactId: plain.id }),
          { phone: '+441632960111' },
          1
        )
      )
    );

    // Act
    const error = await refusalOf(() =>
      patchContact(
        store,
        memberOf(account.primary),
        plain.id,
        { email: 'raced@customer.example' },
        { ifMatch: 1 }
      )
    );

    // Assess
    expectProblem(error, PROBLEM.staleVersion);
    const stored = storedOf(base);
    expect(await stored.contact(plain)).toMatchObject({ email: plain.email, version: 2 });
    expect(await stored.addressHolder(account.accountId, 'raced@customer.example')).toBeUndefined();
    expect(await stored.addressHolder(account.accountId, plain.email)).toBe(plain.id);
    expect(await stored.audit(account.accountId)).toEqual([]);
  });
};
