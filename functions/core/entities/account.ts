/**
 * Account: the customer's master record. Contract numbers are kept on the
 * item (and as uniqueness markers, see contract.ts) so "My Details" is one read.
 */
import type { GetCommandInput, PutCommandInput } from '@aws-sdk/lib-dynamodb';
import type { TransactUpdate } from '../db.ts';
import { PREFIX, TABLE } from '../table.ts';
import { createPut, patchAtVersion } from './item-writes.ts';

export type AccountStatus = 'active' | 'suspended' | 'closed';

export interface Account {
  id: string;
  name: string;
  status: AccountStatus;
  primaryContactId: string;
  contractNumbers: string[];
  /** Domains hosted with us; contacts should have an email elsewhere too. */
  hostedDomains: string[];
  /** The operators' id for it, when it was loaded through the staff API. */
  externalId?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const accountKeys = (accountId: string) => ({
  [TABLE.partitionKey]: `${PREFIX.account}${accountId}`,
  [TABLE.sortKey]: PREFIX.accountItem,
});

export const toAccountItem = (account: Account) => ({
  ...accountKeys(account.id),
  entity: 'account',
  ...account,
});

export const fromAccountItem = (item: Record<string, unknown>): Account => ({
  id: item.id as string,
  name: item.name as string,
  status: item.status as AccountStatus,
  primaryContactId: item.primaryContactId as string,
  contractNumbers: (item.contractNumbers as string[] | undefined) ?? [],
  hostedDomains: (item.hostedDomains as string[] | undefined) ?? [],
  ...(typeof item.externalId === 'string' ? { externalId: item.externalId } : {}),
  version: item.version as number,
  createdAt: item.createdAt as string,
  updatedAt: item.updatedAt as string,
});

export const isAccountItem = (item: Record<string, unknown>) => item.entity === 'account';

/** create: refuses to overwrite an existing account. */
export const createAccountPut = (tableName: string, account: Account): PutCommandInput =>
  createPut(tableName, toAccountItem(account));

/**
 * Optimistic concurrency: moves the account to `expectedVersion + 1` only if
 * nobody else did first. Used in the same transaction as the change itself.
 */
export const bumpAccountVersionUpdate = (
  tableName: string,
  accountId: string,
  expectedVersion: number,
  updatedAt: string
): TransactUpdate =>
  patchAtVersion(tableName, accountKeys(accountId), { updatedAt }, expectedVersion);

export const getAccountCommand = (tableName: string, accountId: string): GetCommandInput => ({
  TableName: tableName,
  Key: accountKeys(accountId),
  ConsistentRead: true,
});

/**
 * patch: what an operators' reload owns (name, hosted domains, contract
 * numbers), moving the account to `expectedVersion + 1` only if nobody else
 * changed it first. Status and primary contact are never touched here.
 */
export const patchLoadedAccountUpdate = (
  tableName: string,
  next: Pick<Account, 'id' | 'name' | 'hostedDomains' | 'contractNumbers' | 'updatedAt'>,
  expectedVersion: number
): TransactUpdate =>
  patchAtVersion(
    tableName,
    accountKeys(next.id),
    {
      name: next.name,
      hostedDomains: next.hostedDomains,
      contractNumbers: next.contractNumbers,
      updatedAt: next.updatedAt,
    },
    expectedVersion
  );
