/**
 * The helpdesk reads an account: by id (the account with its contacts, one
 * Query), by contract number (the contract marker, read with the live staff
 * check, then the account) or by a contact's email (`contactsByEmail`, then
 * the accounts read with the live staff check): two reads each.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
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
import { dynamo, tableName } from '#core/platform/clients/dynamodb';
import { ValidationError } from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';
import { loadProfile } from '#core/workflows/account-profile';
import { toStaffAccountView } from './accounts.ts';
import type { AccountLookupQuery } from './schemas.ts';

/** GET /staff/accounts/{accountId}: the account, its primary contact and what its contacts count. */
export const getAccountForStaff = async (accountId: string) => {
  const { account, contacts } = await loadProfile(accountId);
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

const byContract = async (staffCheck: StaffCheck, contractNumber: string) => {
  const [marker] = await staffCheck.read([contractMarkerKeys(contractNumber)]);
  if (typeof marker?.accountId !== 'string') return [];
  const { Item } = await dynamo.send(
    new GetCommand(getAccountCommand(tableName, marker.accountId))
  );
  return Item ? [fromAccountItem(Item)] : [];
};

/** Every account the address is a contact of, a page of contacts at a time. */
const byEmail = async (
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
  const { Items = [], LastEvaluatedKey } = await dynamo.send(
    new QueryCommand(
      contactsByEmailQuery(tableName, email, {
        limit: page.limit,
        startKey: openCursor(page.cursor, scope),
      })
    )
  );
  const accountIds = [
    ...new Set(Items.filter(isContactItem).map((item) => fromContactItem(item).accountId)),
  ];
  const accounts = new Map<string, Account>(
    (await staffCheck.read(accountIds.map(accountKeys)))
      .filter(isAccountItem)
      .map(fromAccountItem)
      .map((account) => [account.id, account])
  );
  return {
    accounts: accountIds.flatMap((id) => accounts.get(id) ?? []),
    cursor: sealCursor(LastEvaluatedKey, scope),
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
    const accounts = await byContract(staffCheck, contract);
    return { items: accounts.map(toStaffAccountView), cursor: null };
  }
  const found = await byEmail(caller, staffCheck, email ?? '', { cursor, limit });
  return { items: found.accounts.map(toStaffAccountView), cursor: found.cursor };
};
