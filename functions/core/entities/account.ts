/**
 * Account: the customer's master record. Contract numbers are kept on the
 * item (and as uniqueness markers, see contract.ts) so "My Details" is one read.
 */
import type { TransactUpdate } from '../table/db.ts';
import type { GetInput, PutInput } from '../table/inputs.ts';
import { PREFIX, TABLE } from '../table/table.ts';
import {
  attributesOf,
  type EntityOf,
  integer,
  oneOf,
  optional,
  readItem,
  text,
  textList,
  withDefault,
} from './attributes.ts';
import { accountAudienceKeys } from './audience.ts';
import { createPut, patchAtVersion } from './item-writes.ts';

export const ACCOUNT_STATUSES = ['active', 'suspended', 'closed'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** What a account item holds, declared once: the type and the item mapping derive from it. */
export const ACCOUNT_ATTRIBUTES = {
  id: text(),
  name: text(),
  status: oneOf(ACCOUNT_STATUSES),
  primaryContactId: text(),
  contractNumbers: withDefault(textList(), []),
  /** Domains hosted with us; contacts should have an email elsewhere too. */
  hostedDomains: withDefault(textList(), []),
  /** The operators' id for it, when it was loaded through the staff API. */
  externalId: optional(text()),
  version: integer(),
  createdAt: text(),
  updatedAt: text(),
};

export type Account = EntityOf<typeof ACCOUNT_ATTRIBUTES>;

export const accountKeys = (accountId: string) => ({
  [TABLE.partitionKey]: `${PREFIX.account}${accountId}`,
  [TABLE.sortKey]: PREFIX.accountItem,
});

export const toAccountItem = (account: Account) => ({
  ...accountKeys(account.id),
  ...accountAudienceKeys(account.id),
  entity: 'account',
  ...attributesOf(ACCOUNT_ATTRIBUTES, account),
});

export const fromAccountItem = (item: Record<string, unknown>): Account =>
  readItem('account', ACCOUNT_ATTRIBUTES, item);

/** The index keys an account item carries (the backfill writes them onto older items). */
export const accountIndexKeys = (item: Record<string, unknown>) =>
  accountAudienceKeys(fromAccountItem(item).id);

export const isAccountItem = (item: Record<string, unknown>) => item.entity === 'account';

/** create: refuses to overwrite an existing account. */
export const createAccountPut = (account: Account): PutInput => createPut(toAccountItem(account));

/**
 * Optimistic concurrency: moves the account to `expectedVersion + 1` only if
 * nobody else did first. Used in the same transaction as the change itself.
 */
export const bumpAccountVersionUpdate = (
  accountId: string,
  expectedVersion: number,
  updatedAt: string
): TransactUpdate => patchAtVersion(accountKeys(accountId), { updatedAt }, expectedVersion);

export const getAccountCommand = (accountId: string): GetInput => ({
  Key: accountKeys(accountId),
  ConsistentRead: true,
});

/**
 * patch: what an operators' reload owns (name, hosted domains, contract
 * numbers), moving the account to `expectedVersion + 1` only if nobody else
 * changed it first. Status and primary contact are never touched here.
 */
export const patchLoadedAccountUpdate = (
  next: Pick<Account, 'id' | 'name' | 'hostedDomains' | 'contractNumbers' | 'updatedAt'>,
  expectedVersion: number
): TransactUpdate =>
  patchAtVersion(
    accountKeys(next.id),
    {
      name: next.name,
      hostedDomains: next.hostedDomains,
      contractNumbers: next.contractNumbers,
      updatedAt: next.updatedAt,
    },
    expectedVersion
  );
