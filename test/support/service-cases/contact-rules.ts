/**
 * Contacts (functions/contacts/service.ts): what adding, changing and
 * removing one writes, with one address per account and version checks.
 */
import { expect, it } from 'vitest';
import { PROBLEM } from '#core/platform/problem-types';
import type { TableStore } from '#core/table/store';
import type { ContactCreate } from '../../../functions/contacts/schemas.ts';
import { createContact, deleteContact, patchContact } from '../../../functions/contacts/service.ts';
import { memberOf, newAccount, storeAccount, storedOf, watched } from '../store-accounts.ts';
import { assignedTo, expectProblem, refusalOf } from './common.ts';

export const contactInput = (changes: Partial<ContactCreate> = {}): ContactCreate => ({
  kind: 'individual',
  firstName: 'Nina',
  lastName: 'New',
  email: 'nina@customer.example',
  phone: '+441632960962',
  address: { line1: '2 Quay Street', city: 'Bristol', postcode: 'BS1 4DJ', country: 'GB' },
  language: 'en',
  supportScope: 'none',
  ...changes,
});

export const contactRules = (open: () => TableStore) => {
  it('adds a contact with its address claimed and its audit entry, in one read and one write', async () => {
    // Prepare
    const account = newAccount();
    const base = open();
    await storeAccount(base, { contacts: [account.primary] });
    const store = watched(base);

    // Act
    const { contact, replayed } = await createContact(
      store,
      memberOf(account.primary),
      contactInput({ supportScope: 'isolated' })
    );

    // Assess
    const stored = storedOf(base);
    expect(replayed).toBe(false);
    expect(await stored.contact(contact)).toEqual(contact);
    expect(contact).toMatchObject({
      version: 1,
      supportScope: 'isolated',
      assignedServices: [],
      isPrimary: false,
    });
    expect(await stored.addressHolder(account.accountId, 'NINA@customer.example')).toBe(contact.id);
    expect(await stored.audit(account.accountId)).toMatchObject([
      { action: 'contact.created', target: `contact/${contact.id}` },
    ]);
    expect(store.calls).toEqual({ reads: 1, writes: 1 });
  });

  it('refuses a second contact with an address the account has, naming the first; another account may use it', async () => {
    // Prepare
    const mine = newAccount();
    const theirs = newAccount();
    const first = mine.contact('first', { email: 'shared@customer.example' });
    const store = open();
    await storeAccount(store, { contacts: [mine.primary, first] });
    await storeAccount(store, { contacts: [theirs.primary] });
    const input = contactInput({ email: 'Shared@Customer.example' });

    // Act
    const error = await refusalOf(() => createContact(store, memberOf(mine.primary), input));
    const elsewhere = await createContact(store, memberOf(theirs.primary), input);

    // Assess
    expectProblem(error, PROBLEM.contactEmailTaken);
    expect(error.extensions).toMatchObject({ field: 'email', existingContactId: first.id });
    const stored = storedOf(store);
    expect((await stored.profile(mine.accountId)).contacts).toHaveLength(2);
    expect(await stored.audit(mine.accountId)).toEqual([]);
    expect(await stored.addressHolder(theirs.accountId, input.email)).toBe(elsewhere.contact.id);
  });

  it('answers a retried add with the same idempotency key from the first, writing once', async () => {
    // Prepare
    const account = newAccount();
    const store = open();
    await storeAccount(store, { contacts: [account.primary] });
    const owner = memberOf(account.primary);

    // Act
    const first = await createContact(store, owner, contactInput(), 'key-1');
    const retry = await createContact(store, owner, contactInput(), 'key-1');

    // Assess
    expect(retry.replayed).toBe(true);
    expect(retry.contact.id).toBe(first.contact.id);
    expect((await storedOf(store).profile(account.accountId)).contacts).toHaveLength(2);
  });

  it('changes the fields sent and moves the version; a stale version changes nothing', async () => {
    // Prepare
    const account = newAccount();
    const plain = account.contact('plain');
    const store = open();
    await storeAccount(store, { contacts: [account.primary, plain] });
    const owner = memberOf(account.primary);

    // Act
    const changed = await patchContact(
      store,
      owner,
      plain.id,
      { phone: '+441632960999' },
      { bodyVersion: 1 }
    );
    const staleBody = await refusalOf(() =>
      patchContact(store, owner, plain.id, { phone: '+441632960000' }, { bodyVersion: 1 })
    );
    const staleIfMatch = await refusalOf(() =>
      patchContact(store, owner, plain.id, { phone: '+441632960000' }, { ifMatch: 1 })
    );

    // Assess
    expect(changed.contact).toMatchObject({ version: 2, phone: '+441632960999' });
    expectProblem(staleBody, PROBLEM.staleBodyVersion);
    expectProblem(staleIfMatch, PROBLEM.staleVersion);
    expect(await storedOf(store).contact(plain)).toMatchObject({
      version: 2,
      phone: '+441632960999',
    });
  });

  it('moves the address claim with a new email, freeing the old address', async () => {
    // Prepare
    const account = newAccount();
    const plain = account.contact('plain');
    const store = open();
    await storeAccount(store, { contacts: [account.primary, plain] });

    // Act
    await patchContact(
      store,
      memberOf(account.primary),
      plain.id,
      { email: 'moved@customer.example' },
      {}
    );

    // Assess
    const stored = storedOf(store);
    expect(await stored.addressHolder(account.accountId, 'moved@customer.example')).toBe(plain.id);
    expect(await stored.addressHolder(account.accountId, plain.email)).toBeUndefined();
  });

  it('takes a contact’s support with its scope set to none: the service stops showing it', async () => {
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
    await patchContact(store, memberOf(account.primary), tech.id, { supportScope: 'none' }, {});

    // Assess
    const stored = storedOf(store);
    expect(await stored.contact(tech)).toMatchObject({
      supportScope: 'none',
      assignedServices: [],
    });
    expect((await stored.service(service))?.supportContacts).toEqual({});
    expect(await stored.membership(tech)).toMatchObject({
      supportScope: 'none',
      supportServiceIds: [],
    });
  });

  it('removes a contact with its address, its login’s membership and its support entries', async () => {
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
    await deleteContact(store, memberOf(account.primary), tech.id, { ifMatch: 1 });

    // Assess
    const stored = storedOf(store);
    expect(await stored.contact(tech)).toBeUndefined();
    expect(await stored.addressHolder(account.accountId, tech.email)).toBeUndefined();
    expect(await stored.membership(tech)).toBeUndefined();
    expect((await stored.service(service))?.supportContacts).toEqual({});
    expect(await stored.audit(account.accountId)).toMatchObject([{ action: 'contact.deleted' }]);
  });
};
