/** The account with all its contacts, as every contact change reads it. */
import type { MemberCaller } from '../access/caller.ts';
import { type Account, fromAccountItem, isAccountItem } from '../entities/account.ts';
import {
  accountProfileQuery,
  type Contact,
  contactDisplayName,
  fromContactItem,
  isContactItem,
} from '../entities/contact.ts';
import { NotFoundError } from '../platform/errors.ts';
import { PROBLEM } from '../platform/problem-types.ts';
import { queryAll, type TableStore } from '../table/store.ts';

export interface Profile {
  account: Account;
  contacts: Contact[];
}

/** The account and all its contacts: one Query (more only past 1 MB of contacts). */
export const loadProfile = async (accountId: string, store: TableStore): Promise<Profile> => {
  const items = await queryAll(store, accountProfileQuery(accountId));
  const accountItem = items.find(isAccountItem);
  if (!accountItem) throw new NotFoundError(PROBLEM.notFound, 'The account does not exist.');
  return {
    account: fromAccountItem(accountItem),
    contacts: items.filter(isContactItem).map(fromContactItem),
  };
};

export const contactIn = (profile: Profile, contactId: string): Contact => {
  const contact = profile.contacts.find((candidate) => candidate.id === contactId);
  if (!contact) throw new NotFoundError(PROBLEM.notFound, 'The contact does not exist.');
  return contact;
};

export const actorOf = (caller: MemberCaller, profile: Profile) => {
  const self = profile.contacts.find((contact) => contact.id === caller.membership.contactId);
  return { loginId: caller.loginId, name: self ? contactDisplayName(self) : caller.loginId };
};
