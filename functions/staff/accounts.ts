/**
 * Operators load accounts by their external id. The first load creates the
 * account, its contract numbers and its primary contact (without a login:
 * the holder asks for one through `POST /account-requests`). A later load of
 * the same external id updates the name and hosted domains and adds new
 * contract numbers; it never removes a contract number (services and
 * invoices may still name it) and never touches the primary contact, which
 * the holder keeps up to date through My Details.
 */
import type { StaffCaller, StaffCheck } from '#core/access/caller';
import { writeTogether } from '#core/db/transact';
import {
  type Account,
  fromAccountItem,
  getAccountCommand,
  patchLoadedAccountUpdate,
} from '#core/entities/account';
import { diffFields, type FieldChange } from '#core/entities/audit';
import { createContractMarkerPut, normaliseContractNumber } from '#core/entities/contract';
import { ConflictError } from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';
import { nowIso } from '#core/table/db';
import type { TableStore } from '#core/table/store';
import {
  createOrReload,
  externalIdWrite,
  type Loaded,
  markerOfLoad,
  staffAuditWrite,
} from './loaded.ts';
import { contractTakenError, planAccount } from './provision.ts';
import type { AccountLoad } from './schemas.ts';

const LOADED_FIELDS = ['name', 'hostedDomains', 'contractNumbers'] as const;

const changedMeanwhile = () =>
  new ConflictError(
    PROBLEM.changedMeanwhile,
    'The account changed while it was being loaded; send the load again.'
  );

export const toStaffAccountView = (account: Account) => ({
  id: account.id,
  externalId: account.externalId ?? null,
  name: account.name,
  status: account.status,
  contracts: account.contractNumbers,
  hostedDomains: account.hostedDomains,
  primaryContactId: account.primaryContactId,
  version: account.version,
});

const accountAudit = (
  caller: StaffCaller,
  account: Account,
  action: string,
  changes: Record<string, FieldChange>
) =>
  staffAuditWrite(
    caller,
    { accountId: account.id, at: account.updatedAt, action, target: `account/${account.id}` },
    changes
  );

const createAccount = async (
  store: TableStore,
  caller: StaffCaller,
  input: AccountLoad
): Promise<Account> => {
  const { account, writes } = planAccount({
    name: input.name,
    contractNumbers: input.contractNumbers,
    hostedDomains: input.hostedDomains,
    externalId: input.externalId,
    primary: input.primaryContact,
  });
  await writeTogether(
    [
      externalIdWrite({
        kind: 'account',
        externalId: input.externalId,
        accountId: account.id,
        createdAt: account.createdAt,
      }),
      ...writes,
      accountAudit(
        caller,
        account,
        'account.loaded',
        diffFields({} as Account, account, LOADED_FIELDS)
      ),
    ],
    changedMeanwhile,
    store
  );
  return account;
};

const reloadAccount = async (
  store: TableStore,
  caller: StaffCaller,
  accountId: string,
  input: AccountLoad
): Promise<Account> => {
  const item = await store.get(getAccountCommand(accountId));
  if (!item) throw new Error(`external id ${input.externalId} points at a missing account`);
  const account = fromAccountItem(item);
  const added = input.contractNumbers
    .map(normaliseContractNumber)
    .filter((number) => !account.contractNumbers.includes(number));
  const next: Account = {
    ...account,
    name: input.name,
    hostedDomains: input.hostedDomains
      ? [...new Set(input.hostedDomains.map((domain) => domain.toLowerCase()))]
      : account.hostedDomains,
    contractNumbers: [...account.contractNumbers, ...added],
    version: account.version + 1,
    updatedAt: nowIso(),
  };
  const changes = diffFields(account, next, LOADED_FIELDS);
  if (Object.keys(changes).length === 0) return account;
  await writeTogether(
    [
      { action: { Update: patchLoadedAccountUpdate(next, account.version) } },
      ...added.map((contractNumber) => ({
        action: {
          Put: createContractMarkerPut({
            contractNumber,
            accountId,
            createdAt: next.updatedAt,
          }),
        },
        onConditionFailed: () => contractTakenError(contractNumber),
      })),
      accountAudit(caller, next, 'account.reloaded', changes),
    ],
    changedMeanwhile,
    store
  );
  return next;
};

/** POST /staff/accounts: reads the marker, then creates (201) or reloads (200). */
export const loadAccount = async (
  store: TableStore,
  caller: StaffCaller,
  staffCheck: StaffCheck,
  input: AccountLoad
): Promise<Loaded<Account>> => {
  const known = await markerOfLoad(staffCheck, 'account', input.externalId);
  return createOrReload(store, 'account', input.externalId, known, {
    create: () => createAccount(store, caller, input),
    reload: (marker) => reloadAccount(store, caller, marker.accountId, input),
  });
};
