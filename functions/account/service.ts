/**
 * "My Details": the account and its primary contact. Reads are one BatchGet
 * after the membership check; a change is one transaction that moves the
 * account version, replaces the contact, follows the login profile and
 * records an audit entry, or does nothing at all.
 */
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '#core/batch';
import { dynamo, tableName } from '#core/clients/dynamodb';
import { cancellationCodes, newId, type TransactItem } from '#core/db';
import { startEmailChange } from '#core/email-change';
import {
  type Account,
  accountKeys,
  bumpAccountVersionUpdate,
  fromAccountItem,
  isAccountItem,
} from '#core/entities/account';
import { createAuditPut, diffFields, type FieldChange } from '#core/entities/audit';
import {
  CONTACT_DETAIL_FIELDS,
  type Contact,
  contactDisplayName,
  contactKeys,
  fromContactItem,
  isContactItem,
  normaliseEmail,
  replaceContactPut,
  toContactView,
} from '#core/entities/contact';
import { patchLoginUpdate } from '#core/entities/login';
import type { Membership } from '#core/entities/membership';
import { createOutboxPut, type OutboxTask } from '#core/entities/outbox';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
} from '#core/errors';
import type { MemberCaller } from '#core/http/types';
import { allowedAreas } from '#core/permissions';
import { emailChangeRequestedMails } from './mails.ts';
import type { MyDetailsPatch } from './schemas.ts';

export interface AccountWithPrimary {
  account: Account;
  primary: Contact;
}

export const loadAccount = async (membership: Membership): Promise<AccountWithPrimary> => {
  const items = await batchGetAll([
    accountKeys(membership.accountId),
    contactKeys({ accountId: membership.accountId, contactId: membership.primaryContactId }),
  ]);
  const accountItem = items.find(isAccountItem);
  const contactItem = items.find(isContactItem);
  if (!accountItem || !contactItem) throw new NotFoundError('The account does not exist.');
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

interface PlannedPatch {
  next: Contact;
  /** Set when a new login email waits for confirmation: mail this code to it. */
  code?: string;
}

/**
 * The contact after the patch. An email change of a contact with a login is
 * only recorded as pending; sending the current email back cancels it.
 */
const planPatch = (primary: Contact, patch: MyDetailsPatch, now: Date): PlannedPatch => {
  const { version: _version, companyName, email, ...fields } = patch;
  const next: Contact = {
    ...primary,
    ...fields,
    version: primary.version + 1,
    updatedAt: now.toISOString(),
  };
  if (companyName === null) delete next.companyName;
  else if (companyName !== undefined) next.companyName = companyName;
  if (email === undefined) return { next };
  if (normaliseEmail(email) === normaliseEmail(primary.email)) {
    delete next.emailChange;
    return { next };
  }
  if (!primary.loginId) return { next: { ...next, email } };
  const { pending, code } = startEmailChange(primary.id, email, now);
  return { next: { ...next, emailChange: pending }, code };
};

const changesOf = (before: Contact, after: Contact, codeSent: boolean) => {
  const changes = diffFields(before, after, CONTACT_DETAIL_FIELDS);
  const pendingBefore = before.emailChange?.address ?? null;
  const pendingAfter = after.emailChange?.address ?? null;
  if (codeSent || pendingBefore !== pendingAfter) {
    changes.pendingEmail = { before: pendingBefore, after: pendingAfter };
  }
  return changes;
};

/** Extra writes a change carries, with the error a failed condition on one of them means. */
export interface ExtraWrite {
  action: TransactItem;
  onConditionFailed?: () => Error;
}

/**
 * Writes a new image of the primary contact with the account version move,
 * the login profile (when name or email changed), the audit entry and any
 * extra writes (outbox tasks, markers) as one transaction. A concurrent
 * change makes the whole write fail.
 */
export const commitPrimaryChange = async (
  caller: MemberCaller,
  { account, primary }: AccountWithPrimary,
  next: Contact,
  audit: { action: string; changes: Record<string, FieldChange> },
  claim: VersionClaim,
  extras: ExtraWrite[] = []
): Promise<AccountWithPrimary> => {
  const now = next.updatedAt;
  const actions: TransactItem[] = [
    { Update: bumpAccountVersionUpdate(tableName, account.id, account.version, now) },
    { Put: replaceContactPut(tableName, next, primary.version) },
    {
      Put: createAuditPut(tableName, {
        id: newId(),
        accountId: account.id,
        at: now,
        actor: { loginId: caller.loginId, name: contactDisplayName(primary) },
        action: audit.action,
        target: `contact/${primary.id}`,
        changes: audit.changes,
      }),
    },
  ];
  const { changes } = audit;
  if (next.loginId && ('firstName' in changes || 'lastName' in changes || 'email' in changes)) {
    const login = { loginId: next.loginId, name: contactDisplayName(next), email: next.email };
    actions.push({ Update: patchLoginUpdate(tableName, { ...login, updatedAt: now }) });
  }
  const firstExtra = actions.length;
  actions.push(...extras.map((extra) => extra.action));
  try {
    await dynamo.send(new TransactWriteCommand({ TransactItems: actions }));
  } catch (error) {
    const failed = cancellationCodes(error)?.indexOf('ConditionalCheckFailed') ?? -1;
    if (failed < 0) throw error;
    throw extras[failed - firstExtra]?.onConditionFailed?.() ?? staleError(claim);
  }
  return { account: { ...account, version: account.version + 1, updatedAt: now }, primary: next };
};

export const outboxWrites = (accountId: string, now: string, tasks: OutboxTask[]): ExtraWrite[] =>
  tasks.map((task) => ({ action: { Put: createOutboxPut(tableName, task, { accountId, now }) } }));

export const updateMyDetails = async (
  caller: MemberCaller,
  patch: MyDetailsPatch,
  claim: VersionClaim
) => {
  const loaded = await loadAccount(caller.membership);
  checkVersion(loaded.account.version, claim);

  const { next, code } = planPatch(loaded.primary, patch, new Date());
  const changes = changesOf(loaded.primary, next, code !== undefined);
  if (Object.keys(changes).length === 0)
    return { view: toAccountView(loaded), version: loaded.account.version };

  const mails =
    code && next.emailChange
      ? emailChangeRequestedMails(loaded.primary, next.emailChange.address, code)
      : [];
  const saved = await commitPrimaryChange(
    caller,
    loaded,
    next,
    { action: 'account.details.updated', changes },
    claim,
    outboxWrites(loaded.account.id, next.updatedAt, mails)
  );
  return { view: toAccountView(saved), version: saved.account.version };
};
