/**
 * The helpdesk reads an account: by id (the account with its contacts, one
 * Query), by contract number (the contract marker, read with the live staff
 * check, then the account) or by a contact's email (`contactsByEmail`, then
 * the accounts read with the live staff check): two reads each.
 */
import type { StaffCaller, StaffCheck } from '#core/access/caller';
import { type CursorScope, openCursor, sealCursor } from '#core/db/cursor';
import {
  type Account,
  accountKeys,
  fromAccountItem,
  getAccountCommand,
  isAccountItem,
} from '#core/entities/account';
import {
  contactDisplayName,
  contactsByEmailPartition,
  contactsByEmailQuery,
  fromContactItem,
  isContactItem,
} from '#core/entities/contact';
import { contractMarkerKeys } from '#core/entities/contract';
import { ValidationError } from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';
import type { TableStore } from '#core/table/store';
import { loadProfile } from '#core/workflows/account-profile';
import { toStaffAccountView } from './accounts.ts';
import type { AccountLookupQuery } from './schemas.ts';

/** GET /staff/accounts/{accountId}: the account, its primary contact and what its contacts count. */
export const getAccountForStaff = async (store: TableStore, accountId: string) => {
  const { account, contacts } = await loadProfile(accountId, store);
  const primary = contacts.find((contact) => contact.id === account.primaryContactId);
  return {
    ...toStaffAccountView(account),
    primaryContact: primary
      ? {
          id: primary.id,
          name: contactDisplayName(primary),
          email: primary.email,
          phone: primary.phone,
          hasLogin: primary.loginId !== undefined,
        }
      : null,
    counts: {
      contacts: contacts.length,
      subAccounts: contacts.filter((contact) => contact.subAccount !== null).length,
    },
  };
};

const byContract = async (store: TableStore, staffCheck: StaffCheck, contractNumber: string) => {
  const [marker] = await staffCheck.read([contractMarkerKeys(contractNumber)]);
  if (typeof marker?.accountId !== 'string') return [];
  const item = await store.get(getAccountCommand(marker.accountId));
  return item ? [fromAccountItem(item)] : [];
};

/** Every account the address is a contact of, a page of contacts at a time. */
const byEmail = async (
  store: TableStore,
  caller: StaffCaller,
  staffCheck: StaffCheck,
  email: string,
  page: { cursor?: string; limit: number }
) => {
  const scope: CursorScope = {
    list: 'staff-accounts',
    owner: caller,
    ...contactsByEmailPartition(email),
  };
  const { items, lastKey } = await store.query(
    contactsByEmailQuery(email, {
      limit: page.limit,
      startKey: openCursor(page.cursor, scope),
    })
  );
  const accountIds = [
    ...new Set(items.filter(isContactItem).map((item) => fromContactItem(item).accountId)),
  ];
  const accounts = new Map<string, Account>(
    (await staffCheck.read(accountIds.map(accountKeys)))
      .filter(isAccountItem)
      .map(fromAccountItem)
      .map((account) => [account.id, account])
  );
  return {
    accounts: accountIds.flatMap((id) => accounts.get(id) ?? []),
    cursor: sealCursor(lastKey, scope),
  };
};

const eitherOne = () =>
  new ValidationError(PROBLEM.validationFailed, [
    {
      field: 'contract',
      code: 'either_or',
      message: 'Give a contract number or an email address, one of them.',
    },
  ]);

/** GET /staff/accounts?contract= or ?email=: the accounts found, none when nothing matches. */
export const findAccounts = async (
  store: TableStore,
  caller: StaffCaller,
  staffCheck: StaffCheck,
  { contract, email, cursor, limit }: AccountLookupQuery
) => {
  if ((contract === undefined) === (email === undefined)) {
    // No read is made, but a disabled staff login still hears 401 first.
    await staffCheck.read([]);
    throw eitherOne();
  }
  if (contract !== undefined) {
    // A contract number names at most one account: one page, whatever the cursor.
    const accounts = await byContract(store, staffCheck, contract);
    return { items: accounts.map(toStaffAccountView), cursor: null };
  }
  const found = await byEmail(store, caller, staffCheck, email ?? '', { cursor, limit });
  return { items: found.accounts.map(toStaffAccountView), cursor: found.cursor };
};
