/**
 * Accounts written straight into a TableStore with the entity modules'
 * builders (contacts, their memberships, services with the support mirror
 * kept true), for service rules tested on the in-memory table and on
 * DynamoDB Local alike. Each account gets fresh ids, so cases never meet.
 */
import { randomUUID } from 'node:crypto';
import type { MemberCaller } from '#core/access/caller';
import { createAccountPut } from '#core/entities/account';
import { auditPageQuery, fromAuditItem } from '#core/entities/audit';
import {
  type Contact,
  contactKeys,
  createContactPut,
  fromContactItem,
} from '#core/entities/contact';
import { claimContactEmailPut, contactEmailKeys } from '#core/entities/contact-email-marker';
import {
  createMembershipPut,
  fromMembershipItem,
  getMembershipCommand,
} from '#core/entities/membership';
import {
  createServicePut,
  fromServiceItem,
  getServiceCommand,
  type Service,
  supportSnapshot,
} from '#core/entities/service';
import type { Area } from '#core/rules/permissions';
import { queryAll, type TableStore } from '#core/table/store';
import { loadProfile } from '#core/workflows/account-profile';
import { callerOf, contactOf, profileOf } from './profiles.ts';

const AT = '2026-01-01T00:00:00.000Z';

export const serviceOf = (accountId: string, changes: Partial<Service> = {}): Service => ({
  id: randomUUID(),
  accountId,
  type: 'hosting',
  label: 'Web hosting',
  status: 'active',
  externalId: `X-${randomUUID()}`,
  supportContacts: {},
  version: 1,
  createdAt: AT,
  updatedAt: AT,
  ...changes,
});

/** A fresh account: its primary contact (with a login) and the means to add to it. */
export const newAccount = () => {
  const accountId = randomUUID();
  const primary = contactOf('primary', {
    accountId,
    isPrimary: true,
    loginId: randomUUID(),
    supportScope: 'global',
  });
  return {
    accountId,
    primary,
    contact: (id: string, changes: Partial<Contact> = {}) =>
      contactOf(id, { accountId, ...changes }),
    /** A contact with an active sub-account login holding `permissions`. */
    subAccount: (id: string, permissions: Area[], changes: Partial<Contact> = {}) =>
      contactOf(id, {
        accountId,
        loginId: randomUUID(),
        subAccount: { status: 'active', permissions },
        ...changes,
      }),
    service: (changes: Partial<Service> = {}) => serviceOf(accountId, changes),
  };
};

/** The member caller of a contact's login, its membership as stored. */
export const memberOf = (contact: Contact): MemberCaller => callerOf(contact);

/**
 * Writes the account item (when its primary is among `contacts`), contacts
 * with their address markers, the memberships of those with a login, and
 * services; each service shows the contacts whose `assignedServices` name it.
 */
export const storeAccount = async (
  store: TableStore,
  { contacts, services = [] }: { contacts: Contact[]; services?: Service[] }
) => {
  const primary = contacts.find((contact) => contact.isPrimary);
  if (primary)
    await store.put(createAccountPut({ ...profileOf(contacts).account, id: primary.accountId }));
  for (const contact of contacts) {
    await store.put(createContactPut(contact));
    await store.put(
      claimContactEmailPut({
        accountId: contact.accountId,
        email: contact.email,
        contactId: contact.id,
        createdAt: contact.createdAt,
      })
    );
    if (contact.loginId) await store.put(createMembershipPut(memberOf(contact).membership));
  }
  for (const service of services) {
    const supporters = contacts.flatMap((contact) => {
      const assigned = contact.assignedServices.find((entry) => entry.id === service.id);
      return assigned ? [[contact.id, supportSnapshot(contact, assigned.assignedAt)] as const] : [];
    });
    const supportContacts = { ...service.supportContacts, ...Object.fromEntries(supporters) };
    await store.put(createServicePut({ ...service, supportContacts }));
  }
};

/** What the table holds now, read back through the same builders. */
export const storedOf = (store: TableStore) => ({
  service: async ({ accountId, id }: Pick<Service, 'accountId' | 'id'>) => {
    const item = await store.get(getServiceCommand({ accountId, serviceId: id }));
    return item && fromServiceItem(item);
  },
  contact: async ({ accountId, id }: Pick<Contact, 'accountId' | 'id'>) => {
    const item = await store.get({
      Key: contactKeys({ accountId, contactId: id }),
      ConsistentRead: true,
    });
    return item && fromContactItem(item);
  },
  /** The account and its contacts, as every contact change reads them. */
  profile: (accountId: string) => loadProfile(accountId, store),
  /** Which contact holds an address in the account, if any. */
  addressHolder: async (accountId: string, email: string) =>
    (await store.get({ Key: contactEmailKeys({ accountId, email }) }))?.contactId,
  membership: async (contact: Contact) => {
    const ids = { loginId: contact.loginId ?? '', accountId: contact.accountId };
    const item = await store.get(getMembershipCommand(ids));
    return item && fromMembershipItem(item);
  },
  audit: async (accountId: string) =>
    (await queryAll(store, auditPageQuery(accountId, { limit: 100 }))).map(fromAuditItem),
});

export interface WatchedStore extends TableStore {
  /** Calls made so far, counted as the API's budget counts them. */
  calls: { reads: number; writes: number };
}

/**
 * A store that counts its calls and may run `beforeTransact` once, just
 * before the first transaction: another change landing between a service's
 * reads and its write.
 */
export const watched = (
  store: TableStore,
  beforeTransact?: (store: TableStore) => Promise<void>
): WatchedStore => {
  const calls = { reads: 0, writes: 0 };
  let interleave = beforeTransact;
  const read =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A) => {
      calls.reads++;
      return call(...args);
    };
  const write =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A) => {
      calls.writes++;
      return call(...args);
    };
  return {
    calls,
    get: read(store.get.bind(store)),
    getMany: read(store.getMany.bind(store)),
    query: read(store.query.bind(store)),
    put: write(store.put.bind(store)),
    update: write(store.update.bind(store)),
    delete: write(store.delete.bind(store)),
    transact: write(async (actions: Parameters<TableStore['transact']>[0]) => {
      const run = interleave;
      interleave = undefined;
      await run?.(store);
      return store.transact(actions);
    }),
  };
};
