/**
 * "My Details": the account and its primary contact. Reads are one BatchGet
 * after the membership check; a change is one transaction that moves the
 * account version, replaces the contact, follows the login profile and
 * records an audit entry, or does nothing at all.
 */

import type { MemberCaller } from '#core/access/caller';
import { checkVersion, staleError, type VersionClaim } from '#core/db/concurrency';
import { type GuardedWrite, outboxWrites, writeTogether } from '#core/db/transact';
import {
  type Account,
  accountKeys,
  bumpAccountVersionUpdate,
  fromAccountItem,
  isAccountItem,
} from '#core/entities/account';
import { diffFields, type FieldChange } from '#core/entities/audit';
import {
  CONTACT_DETAIL_FIELDS,
  type Contact,
  contactDisplayName,
  contactKeys,
  fromContactItem,
  isContactItem,
} from '#core/entities/contact';
import type { Membership } from '#core/entities/membership';
import { now } from '#core/platform/clock';
import { NotFoundError } from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';
import type { TableStore } from '#core/table/store';
import { toContactView } from '#core/views/contact';
import { contactChangeWrites } from '#core/workflows/contact-changes';
import { pendingEmailChange, planEmail } from '#core/workflows/contact-email';
import type { MyDetailsPatch } from './schemas.ts';

export interface AccountWithPrimary {
  account: Account;
  primary: Contact;
}

export const loadAccount = async (
  store: TableStore,
  membership: Membership
): Promise<AccountWithPrimary> => {
  const items = await store.getMany([
    accountKeys(membership.accountId),
    contactKeys({ accountId: membership.accountId, contactId: membership.primaryContactId }),
  ]);
  const accountItem = items.find(isAccountItem);
  const contactItem = items.find(isContactItem);
  if (!accountItem || !contactItem)
    throw new NotFoundError(PROBLEM.notFound, 'The account does not exist.');
  return { account: fromAccountItem(accountItem), primary: fromContactItem(contactItem) };
};

export const toAccountView = ({ account, primary }: AccountWithPrimary) => ({
  id: account.id,
  name: account.name,
  status: account.status,
  contracts: account.contractNumbers,
  primaryContact: toContactView(primary),
  version: account.version,
});

export const getAccountDetails = async (store: TableStore, caller: MemberCaller) => {
  const loaded = await loadAccount(store, caller.membership);
  return { view: toAccountView(loaded), version: loaded.account.version };
};

/** What My Details changes and the audit records: the person's details and their mail. */
const MY_DETAILS_FIELDS = [...CONTACT_DETAIL_FIELDS, 'emailPreferences'] as const;

/** The contact after the patch; email changes go through planEmail. */
const planPatch = (primary: Contact, patch: MyDetailsPatch, now: Date, caller: MemberCaller) => {
  const { version: _version, companyName, email, emailPreferences, ...fields } = patch;
  const next: Contact = {
    ...primary,
    ...fields,
    emailPreferences: { ...primary.emailPreferences, ...emailPreferences },
    version: primary.version + 1,
    updatedAt: now.toISOString(),
  };
  if (companyName === null) delete next.companyName;
  else if (companyName !== undefined) next.companyName = companyName;
  return planEmail(primary, next, email, now, caller);
};

/**
 * Writes a new image of the primary contact with the account version move
 * and any extra writes, as one transaction. A concurrent change of the
 * account or the contact makes the whole write fail as stale.
 */
export const commitPrimaryChange = async (
  store: TableStore,
  caller: MemberCaller,
  { account, primary }: AccountWithPrimary,
  next: Contact,
  audit: { action: string; changes: Record<string, FieldChange> },
  claim: VersionClaim,
  extras: GuardedWrite[] = []
): Promise<AccountWithPrimary> => {
  const now = next.updatedAt;
  await writeTogether(
    [
      { action: { Update: bumpAccountVersionUpdate(account.id, account.version, now) } },
      ...contactChangeWrites(primary, next, {
        ...audit,
        actor: { loginId: caller.loginId, name: contactDisplayName(primary) },
      }),
      ...extras,
    ],
    () => staleError(claim),
    store
  );
  return { account: { ...account, version: account.version + 1, updatedAt: now }, primary: next };
};

export const updateMyDetails = async (
  store: TableStore,
  caller: MemberCaller,
  patch: MyDetailsPatch,
  claim: VersionClaim
) => {
  const loaded = await loadAccount(store, caller.membership);
  checkVersion(loaded.account.version, claim);

  const { next, mails, limits } = planPatch(loaded.primary, patch, now(), caller);
  const changes = {
    ...diffFields(loaded.primary, next, MY_DETAILS_FIELDS),
    ...pendingEmailChange(loaded.primary, next, mails),
  };
  if (Object.keys(changes).length === 0)
    return { view: toAccountView(loaded), version: loaded.account.version };

  const saved = await commitPrimaryChange(
    store,
    caller,
    loaded,
    next,
    { action: 'account.details.updated', changes },
    claim,
    [...outboxWrites(loaded.account.id, next.updatedAt, mails), ...limits]
  );
  return { view: toAccountView(saved), version: saved.account.version };
};
