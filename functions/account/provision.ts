/**
 * Creates an account with its contract numbers, primary contact, the
 * primary's membership and (for a person new to Portico) login profile, all
 * in one transaction. Used by the demo seed and the operators' account import.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '#core/clients/dynamodb';
import { cancellationCodes, newId, nowIso, type TransactItem } from '#core/db';
import { type Account, createAccountPut } from '#core/entities/account';
import {
  type Address,
  ALL_EMAIL_PREFERENCES,
  type Contact,
  contactDisplayName,
  createContactPut,
} from '#core/entities/contact';
import { createContractMarkerPut, normaliseContractNumber } from '#core/entities/contract';
import { createLoginPut } from '#core/entities/login';
import { createLoginEmailPut } from '#core/entities/login-email';
import { createMembershipPut } from '#core/entities/membership';
import { ConflictError } from '#core/errors';

export interface NewAccount {
  name: string;
  contractNumbers: string[];
  /** Domains the account hosts with us (for the external-email advice). */
  hostedDomains?: string[];
  primary: {
    firstName: string;
    lastName: string;
    companyName?: string;
    email: string;
    phone: string;
    address: Address;
  };
  /** Cognito `sub` of the primary's login. */
  loginId: string;
  /** False when the person already has a login (one person, one login). */
  newLogin: boolean;
}

export const provisionAccount = async (input: NewAccount): Promise<Account> => {
  const now = nowIso();
  const accountId = newId();
  const contactId = newId();
  const contractNumbers = input.contractNumbers.map(normaliseContractNumber);
  const account: Account = {
    id: accountId,
    name: input.name,
    status: 'active',
    primaryContactId: contactId,
    contractNumbers,
    hostedDomains: (input.hostedDomains ?? []).map((domain) => domain.toLowerCase()),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const primary: Contact = {
    id: contactId,
    accountId,
    kind: input.primary.companyName ? 'organisation' : 'individual',
    ...input.primary,
    emailPreferences: ALL_EMAIL_PREFERENCES,
    supportScope: 'global',
    assignedServices: [],
    loginId: input.loginId,
    subAccount: null,
    isPrimary: true,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const actions: TransactItem[] = [
    { Put: createAccountPut(tableName, account) },
    { Put: createContactPut(tableName, primary) },
    {
      Put: createMembershipPut(tableName, {
        loginId: input.loginId,
        accountId,
        contactId,
        role: 'primary',
        permissions: [],
        status: 'active',
        primaryContactId: contactId,
        supportScope: 'global',
        supportServiceIds: [],
        createdAt: now,
        updatedAt: now,
      }),
    },
    ...contractNumbers.map((contractNumber) => ({
      Put: createContractMarkerPut(tableName, { contractNumber, accountId, createdAt: now }),
    })),
  ];
  if (input.newLogin) {
    const login = {
      loginId: input.loginId,
      name: contactDisplayName(primary),
      email: primary.email,
    };
    actions.push(
      { Put: createLoginPut(tableName, { ...login, createdAt: now, updatedAt: now }) },
      {
        Put: createLoginEmailPut(tableName, {
          email: primary.email,
          loginId: input.loginId,
          createdAt: now,
        }),
      }
    );
  }
  try {
    await dynamo.send(new TransactWriteCommand({ TransactItems: actions }));
  } catch (error) {
    const codes = cancellationCodes(error);
    if (codes?.some((code) => code === 'ConditionalCheckFailed')) {
      throw new ConflictError('A contract number or login is already taken.', {
        contractNumbers,
      });
    }
    throw error;
  }
  return account;
};
