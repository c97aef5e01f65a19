/**
 * Creates an account with its contract numbers and primary contact in one
 * transaction. The primary may come with a login (the demo seed, tests: the
 * membership and, for a person new to Portico, the login profile are
 * written too) or without one (accounts the operators load: the holder asks
 * for a login later through `POST /account-requests`).
 */

import { type GuardedWrite, writeTogether } from '#core/db/transact';
import { type Account, createAccountPut } from '#core/entities/account';
import {
  type Address,
  ALL_EMAIL_PREFERENCES,
  type Contact,
  contactDisplayName,
  createContactPut,
  DEFAULT_CONTACT_LANGUAGE,
} from '#core/entities/contact';
import { createContractMarkerPut, normaliseContractNumber } from '#core/entities/contract';
import { createLoginPut } from '#core/entities/login';
import { createLoginEmailPut } from '#core/entities/login-email';
import { createMembershipPut } from '#core/entities/membership';
import { ConflictError } from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';
import { newId, nowIso } from '#core/table/db';
import type { TableStore } from '#core/table/store';
import { contactAddressWrites } from '#core/workflows/contact-address';

export interface AccountDetails {
  name: string;
  contractNumbers: string[];
  /** Domains the account hosts with us (for the external-email advice). */
  hostedDomains?: string[];
  /** The operators' id for the account (staff loads only). */
  externalId?: string;
  primary: {
    firstName: string;
    lastName: string;
    companyName?: string;
    email: string;
    phone: string;
    address: Address;
  };
}

export interface PrimaryLogin {
  /** Cognito `sub` of the primary's login. */
  loginId: string;
  /** False when the person already has a login (one person, one login). */
  newLogin: boolean;
}

export type NewAccount = AccountDetails & PrimaryLogin;

export const contractTakenError = (contractNumber: string) =>
  new ConflictError(
    PROBLEM.contractTaken,
    `Contract number ${contractNumber} belongs to another account.`,
    {
      contractNumber,
    }
  );

/** The primary's membership, and its login profile when the person is new to Portico. */
const primaryLoginWrites = (
  login: PrimaryLogin,
  account: Account,
  primary: Contact
): GuardedWrite[] => {
  const now = account.createdAt;
  const writes: GuardedWrite[] = [
    {
      action: {
        Put: createMembershipPut({
          loginId: login.loginId,
          accountId: account.id,
          contactId: primary.id,
          role: 'primary',
          permissions: [],
          status: 'active',
          primaryContactId: primary.id,
          supportScope: 'global',
          supportServiceIds: [],
          createdAt: now,
          updatedAt: now,
        }),
      },
    },
  ];
  if (login.newLogin) {
    const profile = { loginId: login.loginId, name: contactDisplayName(primary) };
    writes.push(
      {
        action: {
          Put: createLoginPut({
            ...profile,
            email: primary.email,
            language: primary.language,
            // Seeds, tests and benchmarks: the person set their own password.
            emailProven: true,
            createdAt: now,
            updatedAt: now,
          }),
        },
      },
      {
        action: {
          Put: createLoginEmailPut({
            email: primary.email,
            loginId: login.loginId,
            createdAt: now,
          }),
        },
      }
    );
  }
  return writes;
};

/**
 * The new account, its primary contact and the writes that create them
 * (a contract number another account holds fails its own write, by name).
 */
export const planAccount = (details: AccountDetails, login?: PrimaryLogin) => {
  const now = nowIso();
  const accountId = newId();
  const contactId = newId();
  const contractNumbers = [...new Set(details.contractNumbers.map(normaliseContractNumber))];
  const account: Account = {
    id: accountId,
    name: details.name,
    status: 'active',
    primaryContactId: contactId,
    contractNumbers,
    hostedDomains: [...new Set((details.hostedDomains ?? []).map((d) => d.toLowerCase()))],
    ...(details.externalId === undefined ? {} : { externalId: details.externalId }),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const primary: Contact = {
    id: contactId,
    accountId,
    kind: details.primary.companyName ? 'organisation' : 'individual',
    ...details.primary,
    language: DEFAULT_CONTACT_LANGUAGE,
    emailPreferences: ALL_EMAIL_PREFERENCES,
    supportScope: 'global',
    assignedServices: [],
    ...(login ? { loginId: login.loginId } : {}),
    subAccount: null,
    isPrimary: true,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const writes: GuardedWrite[] = [
    { action: { Put: createAccountPut(account) } },
    { action: { Put: createContactPut(primary) } },
    ...contactAddressWrites(null, primary, now),
    ...contractNumbers.map((contractNumber) => ({
      action: {
        Put: createContractMarkerPut({ contractNumber, accountId, createdAt: now }),
      },
      onConditionFailed: () => contractTakenError(contractNumber),
    })),
    ...(login ? primaryLoginWrites(login, account, primary) : []),
  ];
  return { account, primary, writes };
};

/** An account whose primary already has a login (demo seed, tests, benchmarks). */
export const provisionAccount = async (store: TableStore, input: NewAccount): Promise<Account> => {
  const { loginId, newLogin, ...details } = input;
  const { account, writes } = planAccount(details, { loginId, newLogin });
  await writeTogether(
    writes,
    () => new ConflictError(PROBLEM.loginTaken, 'The login already belongs to another person.'),
    store
  );
  return account;
};
