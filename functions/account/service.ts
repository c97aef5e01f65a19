/**
 * "My Details": the account and its primary contact. Reads are one BatchGet
 * after the membership check; a change is one transaction that moves the
 * account version, replaces the contact, follows the login profile and
 * records an audit entry, or does nothing at all.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '#core/batch';
import { dynamo, tableName } from '#core/clients/dynamodb';
import { cancellationCodes, newId, nowIso, type TransactItem } from '#core/db';
import {
  type Account,
  accountKeys,
  bumpAccountVersionUpdate,
  fromAccountItem,
  isAccountItem,
} from '#core/entities/account';
import { createAuditPut, diffFields } from '#core/entities/audit';
import {
  CONTACT_DETAIL_FIELDS,
  type Contact,
  contactDisplayName,
  contactKeys,
  fromContactItem,
  isContactItem,
  replaceContactPut,
  toContactView,
} from '#core/entities/contact';
import { patchLoginUpdate } from '#core/entities/login';
import type { Membership } from '#core/entities/membership';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
} from '#core/errors';
import type { MemberCaller } from '#core/http/types';
import { allowedAreas } from '#core/permissions';
import type { MyDetailsPatch } from './schemas.ts';

interface AccountWithPrimary {
  account: Account;
  primary: Contact;
}

const loadAccount = async (membership: Membership): Promise<AccountWithPrimary> => {
  const items = await batchGetAll([
    accountKeys(membership.accountId),
    contactKeys({ accountId: membership.accountId, contactId: membership.primaryContactId }),
  ]);
  const accountItem = items.find(isAccountItem);
  const contactItem = items.find(isContactItem);
  if (!accountItem || !contactItem) throw new NotFoundError('The account does not exist.');
  return { account: fromAccountItem(accountItem), primary: fromContactItem(contactItem) };
};

const toAccountView = ({ account, primary }: AccountWithPrimary) => ({
  id: account.id,
  name: account.name,
  status: account.status,
  contracts: account.contractNumbers,
  primaryContact: toContactView(primary),
  version: account.version,
});

export const getAccountDetails = async (caller: MemberCaller) => {
  const loaded = await loadAccount(caller.membership);
  return { view: toAccountView(loaded), version: loaded.account.version };
};

/** Which version the caller says it read, and how a mismatch must be answered. */
export interface VersionClaim {
  ifMatch?: number;
  bodyVersion?: number;
}

const staleError = (claim: VersionClaim) =>
  claim.ifMatch !== undefined
    ? new PreconditionFailedError()
    : new ConflictError('The account changed since you read it; fetch it again and retry.');

const checkVersion = (current: number, claim: VersionClaim) => {
  if (claim.ifMatch !== undefined && claim.ifMatch !== current) throw new PreconditionFailedError();
  if (claim.bodyVersion !== undefined && claim.bodyVersion !== current) throw staleError({});
};

const applyPatch = (primary: Contact, patch: MyDetailsPatch, now: string): Contact => {
  const { version: _version, companyName, ...fields } = patch;
  const next: Contact = { ...primary, ...fields, version: primary.version + 1, updatedAt: now };
  if (companyName === null) delete next.companyName;
  else if (companyName !== undefined) next.companyName = companyName;
  return next;
};

export const updateMyDetails = async (
  caller: MemberCaller,
  patch: MyDetailsPatch,
  claim: VersionClaim
) => {
  const loaded = await loadAccount(caller.membership);
  const { account, primary } = loaded;
  if (caller.membership.role !== 'primary') {
    throw new ForbiddenError('Only the primary contact may change "My Details".', {
      area: 'profile',
      allowedAreas: allowedAreas(caller.membership),
      grantedBy: { name: contactDisplayName(primary) },
    });
  }
  checkVersion(account.version, claim);

  const now = nowIso();
  const updated = applyPatch(primary, patch, now);
  const changes = diffFields(primary, updated, CONTACT_DETAIL_FIELDS);
  if (Object.keys(changes).length === 0)
    return { view: toAccountView(loaded), version: account.version };

  const actions: TransactItem[] = [
    { Update: bumpAccountVersionUpdate(tableName, account.id, account.version, now) },
    { Put: replaceContactPut(tableName, updated, primary.version) },
    {
      Put: createAuditPut(tableName, {
        id: newId(),
        accountId: account.id,
        at: now,
        actor: { loginId: caller.loginId, name: contactDisplayName(primary) },
        action: 'account.details.updated',
        target: `contact/${primary.id}`,
        changes,
      }),
    },
  ];
  if (updated.loginId && ('firstName' in changes || 'lastName' in changes || 'email' in changes)) {
    const login = {
      loginId: updated.loginId,
      name: contactDisplayName(updated),
      email: updated.email,
    };
    actions.push({ Update: patchLoginUpdate(tableName, { ...login, updatedAt: now }) });
  }

  try {
    await dynamo.send(new TransactWriteCommand({ TransactItems: actions }));
  } catch (error) {
    if (cancellationCodes(error)?.some((code) => code === 'ConditionalCheckFailed'))
      throw staleError(claim);
    throw error;
  }
  const next = {
    account: { ...account, version: account.version + 1, updatedAt: now },
    primary: updated,
  };
  return { view: toAccountView(next), version: next.account.version };
};
