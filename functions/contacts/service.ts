/**
 * Contacts of an account: list, add, change, remove. Every change is one
 * transaction with its audit entry (and, for a contact with a login, the
 * membership removal or the pending email change and its mail).
 */
import { refusal } from '#core/access/authorization';
import type { MemberCaller } from '#core/access/caller';
import { loginRefusal, type ReachRefusal, supportScopeRefusal } from '#core/access/reach';
import { checkVersion, staleError, type VersionClaim } from '#core/db/concurrency';
import { claimOf, commitOnce, memberScope } from '#core/db/idempotency';
import { accountListPage } from '#core/db/query-page';
import { auditWrite, outboxWrites, writeTogether } from '#core/db/transact';
import { diffFields } from '#core/entities/audit';
import {
  CONTACT_DETAIL_FIELDS,
  type Contact,
  contactKeys,
  contactsPageQuery,
  contactsPartition,
  createContactPut,
  deleteContactDelete,
  fromContactItem,
  type SupportScope,
} from '#core/entities/contact';
import { deleteMembershipDelete } from '#core/entities/membership';
import type { PageQuery } from '#core/http/schemas';
import { now, nowIso } from '#core/platform/clock';
import { ConflictError, NotFoundError, ValidationError } from '#core/platform/errors';
import { PROBLEM } from '#core/platform/problem-types';
import { newId } from '#core/table/db';
import type { TableStore } from '#core/table/store';
import { toContactView } from '#core/views/contact';
import { actorOf, contactIn, loadProfile, type Profile } from '#core/workflows/account-profile';
import { contactAddressWrites } from '#core/workflows/contact-address';
import { contactChangeWrites } from '#core/workflows/contact-changes';
import { pendingEmailChange, planEmail } from '#core/workflows/contact-email';
import { supportMirrorWrites, withSupportScopeRules } from '#core/workflows/support-mirror';
import type { ContactCreate, ContactPatch } from './schemas.ts';
import { externalEmailWarnings } from './warnings.ts';

/** New contacts get maintenance notices; everything else they opt into. */
const DEFAULT_EMAIL_PREFERENCES = {
  general: true,
  product: false,
  domain: false,
  invoice: false,
  support: false,
};

const AUDITED_FIELDS = [
  ...CONTACT_DETAIL_FIELDS,
  'kind',
  'taxId',
  'emailPreferences',
  'supportScope',
] as const;

/** A change or removal also records the support assignments it reset. */
const AUDITED_CHANGE_FIELDS = [...AUDITED_FIELDS, 'assignedServices'] as const;

const warningsFor = (profile: Profile, changed: Contact) =>
  externalEmailWarnings(
    profile.contacts
      .map((contact) => (contact.id === changed.id ? changed.email : contact.email))
      .concat(profile.contacts.some((contact) => contact.id === changed.id) ? [] : [changed.email]),
    profile.account.hostedDomains
  );

const SCOPE_REACH: Record<SupportScope, number> = { none: 0, isolated: 1, global: 2 };

/** A sub-account may narrow its own ticket visibility, never widen it. */
const raisesOwnSupportScope = (
  caller: MemberCaller,
  contact: Contact,
  scope: SupportScope | undefined
) =>
  caller.membership.role !== 'primary' &&
  contact.id === caller.membership.contactId &&
  scope !== undefined &&
  SCOPE_REACH[scope] > SCOPE_REACH[contact.supportScope];

/** No login reaches more through the contacts it changes than it holds itself (core/access/reach.ts). */
const checkReach = async (
  store: TableStore,
  caller: MemberCaller,
  beyond: ReachRefusal | undefined
) => {
  if (beyond) throw await refusal(caller.membership, beyond, store);
};

const primaryIsMyDetails = () =>
  new ConflictError(
    PROBLEM.primaryContactProtected,
    'The primary contact is changed through My Details (PATCH /accounts/{accountId}).'
  );

export const listContacts = (store: TableStore, caller: MemberCaller, page: PageQuery) =>
  accountListPage(store, caller, page, {
    list: 'contacts',
    listing: contactsPartition,
    page: contactsPageQuery,
    toView: (item) => toContactView(fromContactItem(item)),
  });

export const getContact = async (store: TableStore, accountId: string, contactId: string) => {
  const item = await store.get({
    Key: contactKeys({ accountId, contactId }),
    ConsistentRead: true,
  });
  if (!item) throw new NotFoundError(PROBLEM.notFound, 'The contact does not exist.');
  return fromContactItem(item);
};

/** Adds a contact; with an idempotency key a retry answers the first one's result. */
export const createContact = async (
  store: TableStore,
  caller: MemberCaller,
  input: ContactCreate,
  idempotencyKey?: string
) => {
  await checkReach(
    store,
    caller,
    supportScopeRefusal(caller.membership, undefined, input.supportScope)
  );
  const profile = await loadProfile(caller.membership.accountId, store);
  const now = nowIso();
  const { emailPreferences, ...fields } = input;
  const contact: Contact = {
    ...fields,
    id: newId(),
    accountId: profile.account.id,
    emailPreferences: { ...DEFAULT_EMAIL_PREFERENCES, ...emailPreferences },
    // Assigned through the service's support-contacts routes only.
    assignedServices: [],
    subAccount: null,
    isPrimary: false,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const created = { contact, warnings: warningsFor(profile, contact) };
  const { result, replayed } = await commitOnce(
    claimOf(memberScope(caller), 'createContact', idempotencyKey, input),
    created,
    now,
    (idempotencyWrites) =>
      writeTogether(
        [
          ...idempotencyWrites,
          { action: { Put: createContactPut(contact) } },
          ...contactAddressWrites(null, contact, now),
          auditWrite({
            accountId: contact.accountId,
            at: now,
            actor: actorOf(caller, profile),
            action: 'contact.created',
            target: `contact/${contact.id}`,
            changes: diffFields({} as Contact, contact, AUDITED_FIELDS),
          }),
        ],
        () =>
          new ConflictError(
            PROBLEM.changedMeanwhile,
            'The contact could not be created; try again.'
          ),
        store
      )
  );
  return { ...result, replayed };
};

const applyPatch = (contact: Contact, patch: ContactPatch, now: Date, caller: MemberCaller) => {
  const { version: _version, companyName, taxId, email, emailPreferences, ...fields } = patch;
  const next: Contact = withSupportScopeRules({
    ...contact,
    ...fields,
    version: contact.version + 1,
    updatedAt: now.toISOString(),
  });
  if (emailPreferences)
    next.emailPreferences = { ...contact.emailPreferences, ...emailPreferences };
  if (companyName === null) delete next.companyName;
  else if (companyName !== undefined) next.companyName = companyName;
  if (taxId === null) delete next.taxId;
  else if (taxId !== undefined) next.taxId = taxId;
  if (next.kind === 'organisation' && !next.companyName) {
    throw new ValidationError(PROBLEM.validationFailed, [
      { field: 'companyName', code: 'required', message: 'An organisation needs a company name.' },
    ]);
  }
  return planEmail(contact, next, email, now, caller);
};

export const patchContact = async (
  store: TableStore,
  caller: MemberCaller,
  contactId: string,
  patch: ContactPatch,
  claim: VersionClaim
) => {
  const profile = await loadProfile(caller.membership.accountId, store);
  const contact = contactIn(profile, contactId);
  if (contact.isPrimary) throw primaryIsMyDetails();
  checkVersion(contact.version, claim);
  if (raisesOwnSupportScope(caller, contact, patch.supportScope)) {
    throw await refusal(
      caller.membership,
      {
        problem: PROBLEM.selfChangeRefused,
        area: 'contacts',
        detail: 'A login cannot widen its own support scope; ask the account holder.',
      },
      store
    );
  }
  await checkReach(
    store,
    caller,
    supportScopeRefusal(caller.membership, contact, patch.supportScope)
  );

  const { next, mails, limits } = applyPatch(contact, patch, now(), caller);
  const changes = {
    ...diffFields(contact, next, AUDITED_CHANGE_FIELDS),
    ...pendingEmailChange(contact, next, mails),
  };
  if (Object.keys(changes).length === 0)
    return { contact, warnings: warningsFor(profile, contact) };
  await writeTogether(
    [
      ...contactChangeWrites(contact, next, {
        actor: actorOf(caller, profile),
        action: 'contact.updated',
        changes,
      }),
      ...outboxWrites(contact.accountId, next.updatedAt, mails),
      ...limits,
    ],
    () => staleError(claim),
    store
  );
  return { contact: next, warnings: warningsFor(profile, next) };
};

export const deleteContact = async (
  store: TableStore,
  caller: MemberCaller,
  contactId: string,
  claim: VersionClaim
) => {
  const profile = await loadProfile(caller.membership.accountId, store);
  const contact = contactIn(profile, contactId);
  if (contact.isPrimary)
    throw new ConflictError(
      PROBLEM.primaryContactProtected,
      'The primary contact cannot be deleted.'
    );
  checkVersion(contact.version, claim);
  // Deleting the contact removes its login from the account.
  if (contact.loginId) await checkReach(store, caller, loginRefusal(caller.membership, contact));
  const now = nowIso();
  await writeTogether(
    [
      { action: { Delete: deleteContactDelete(contact, contact.version) } },
      ...contactAddressWrites(contact, null, now),
      auditWrite({
        accountId: contact.accountId,
        at: now,
        actor: actorOf(caller, profile),
        action: 'contact.deleted',
        target: `contact/${contact.id}`,
        changes: diffFields(contact, {} as Contact, AUDITED_CHANGE_FIELDS),
      }),
      // The services it supported stop showing it.
      ...supportMirrorWrites(contact, null),
      // Its login loses this account at once; the person keeps their other accounts.
      ...(contact.loginId
        ? [
            {
              action: {
                Delete: deleteMembershipDelete({
                  loginId: contact.loginId,
                  accountId: contact.accountId,
                }),
              },
            },
          ]
        : []),
    ],
    () => staleError(claim),
    store
  );
};

/** GET .../my-contact: the caller's own contact, whatever areas it holds. */
export const getOwnContact = (store: TableStore, caller: MemberCaller) =>
  getContact(store, caller.membership.accountId, caller.membership.contactId);

/**
 * PATCH .../my-contact: the caller changes its own details (the schema
 * leaves out scope, kind and email), under the same rules as any change.
 */
export const patchOwnContact = (
  store: TableStore,
  caller: MemberCaller,
  patch: ContactPatch,
  claim: VersionClaim
) => {
  if (caller.membership.role === 'primary') throw primaryIsMyDetails();
  return patchContact(store, caller, caller.membership.contactId, patch, claim);
};
