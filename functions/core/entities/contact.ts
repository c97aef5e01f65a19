/**
 * Contact: a person or organisation of an account. The primary contact is
 * the account holder ("My Details"). Index `contactsByEmail` (gsi1) finds the
 * contacts behind a sender address for inbound mail and the helpdesk;
 * `contactsByName` (gsi2) lists an account's contacts by name.
 */
import type { PendingEmailChange } from '../rules/email-change.ts';
import type { ContactEmailStatus } from '../rules/email-status.ts';
import type { EmailPreferences } from '../rules/mail-categories.ts';
import { nameSortKey } from '../rules/name-order.ts';
import type { Area } from '../rules/permissions.ts';
import type { TransactItem, TransactUpdate } from '../table/db.ts';
import type { PutInput, QueryInput } from '../table/inputs.ts';
import { PREFIX, TABLE } from '../table/table.ts';
import {
  attributesOf,
  type EntityOf,
  flag,
  integer,
  nullable,
  oneOf,
  optional,
  readItem,
  shaped,
  shapedList,
  text,
  withDefault,
} from './attributes.ts';
import {
  atVersionCondition,
  createPut,
  type ExtraCondition,
  patchAtVersion,
  replacePut,
} from './item-writes.ts';
import type { ServiceType } from './service-type.ts';

export interface Address {
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postcode: string;
  country: string;
}

export type { EmailPreferences };

export const CONTACT_KINDS = ['individual', 'organisation'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** Languages Portico writes mail in; a contact without one (older items) reads as English. */
export const CONTACT_LANGUAGES = ['en', 'es'] as const;
export type ContactLanguage = (typeof CONTACT_LANGUAGES)[number];
export const DEFAULT_CONTACT_LANGUAGE: ContactLanguage = 'en';
export const SUPPORT_SCOPES = ['none', 'isolated', 'global'] as const;
export type SupportScope = (typeof SUPPORT_SCOPES)[number];

export interface SubAccount {
  status: 'active' | 'suspended' | 'invited';
  permissions: Area[];
}

/**
 * A service or domain this contact supports: the mirror of its entry in the
 * service's `supportContacts`, written in the same transaction. `assignedAt`
 * travels with it so refreshing the service's snapshot keeps the date.
 */
export interface AssignedService {
  id: string;
  type: ServiceType;
  assignedAt: string;
}

/** What a contact item holds, declared once: the type and the item mapping derive from it. */
export const CONTACT_ATTRIBUTES = {
  id: text(),
  accountId: text(),
  kind: oneOf(CONTACT_KINDS),
  firstName: text(),
  lastName: text(),
  companyName: optional(text()),
  taxId: optional(text()),
  email: text(),
  phone: text(),
  address: shaped<Address>(),
  /** The language of the mail this contact receives. */
  language: withDefault(oneOf(CONTACT_LANGUAGES), DEFAULT_CONTACT_LANGUAGE),
  emailPreferences: shaped<EmailPreferences>(),
  supportScope: oneOf(SUPPORT_SCOPES),
  /** Empty whenever `supportScope` is `none`; changed only by the support assignment routes. */
  assignedServices: withDefault(shapedList<AssignedService>(), []),
  /** Cognito `sub` of the contact's login, when it has one (an operator-loaded primary gets one on request). */
  loginId: optional(text()),
  subAccount: withDefault(nullable(shaped<SubAccount>()), null),
  /** A new login email waiting for its owner to confirm it. */
  emailChange: optional(shaped<PendingEmailChange>()),
  /** SES feedback on the address (contact-email-status.ts); written only by the feedback function. */
  emailStatus: optional(shaped<ContactEmailStatus>()),
  isPrimary: withDefault(flag(), false),
  version: integer(),
  createdAt: text(),
  updatedAt: text(),
};

export type Contact = EntityOf<typeof CONTACT_ATTRIBUTES>;

/** The person-facing fields, in the order audit entries list them. */
export const CONTACT_DETAIL_FIELDS = [
  'firstName',
  'lastName',
  'companyName',
  'email',
  'phone',
  'address',
  'language',
] as const;

export const ALL_EMAIL_PREFERENCES: EmailPreferences = {
  general: true,
  product: true,
  domain: true,
  invoice: true,
  support: true,
};

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export const contactKeys = ({
  accountId,
  contactId,
}: {
  accountId: string;
  contactId: string;
}) => ({
  [TABLE.partitionKey]: `${PREFIX.account}${accountId}`,
  [TABLE.sortKey]: `${PREFIX.contact}${contactId}`,
});

/** gsi1 keys, rebuilt whenever the email is written so the index never lags half a change. */
const contactsByEmailKeys = (contact: Pick<Contact, 'accountId' | 'id' | 'email'>) => ({
  [TABLE.indexes.gsi1.partitionKey]: `${PREFIX.email}${normaliseEmail(contact.email)}`,
  [TABLE.indexes.gsi1.sortKey]:
    `${PREFIX.account}${contact.accountId}#${PREFIX.contact}${contact.id}`,
});

const contactsByNamePk = (accountId: string) => `${PREFIX.account}${accountId}#CONTACTS`;

/**
 * gsi2 keys: last name, first name, id. Rebuilt whenever the contact is
 * written, so a rename moves it in the list with the change itself.
 */
const contactsByNameKeys = (
  contact: Pick<Contact, 'accountId' | 'id' | 'firstName' | 'lastName'>
) => ({
  [TABLE.indexes.gsi2.partitionKey]: contactsByNamePk(contact.accountId),
  [TABLE.indexes.gsi2.sortKey]: nameSortKey(contact.lastName, contact.firstName, contact.id),
});

/** Both index pairs of a stored contact, as they are written now (scripts/backfill-indexes.ts). */
export const contactIndexKeys = (item: Record<string, unknown>) => {
  const contact = fromContactItem(item);
  return { ...contactsByEmailKeys(contact), ...contactsByNameKeys(contact) };
};

export const toContactItem = (contact: Contact) => ({
  ...contactKeys({ accountId: contact.accountId, contactId: contact.id }),
  ...contactsByEmailKeys(contact),
  ...contactsByNameKeys(contact),
  entity: 'contact',
  ...attributesOf(CONTACT_ATTRIBUTES, contact),
});

export const fromContactItem = (item: Record<string, unknown>): Contact =>
  readItem('contact', CONTACT_ATTRIBUTES, item);

export const isContactItem = (item: Record<string, unknown>) => item.entity === 'contact';

export const contactDisplayName = (contact: Pick<Contact, 'firstName' | 'lastName'>) =>
  `${contact.firstName} ${contact.lastName}`.trim();

/** create: refuses to overwrite an existing contact. */
export const createContactPut = (contact: Contact): PutInput => createPut(toContactItem(contact));

/**
 * replace: writes the whole new image of an existing contact, only if it is
 * still at the version it was read at (so no concurrent change is lost).
 */
export const replaceContactPut = (contact: Contact, expectedVersion: number): PutInput =>
  replacePut(toContactItem(contact), expectedVersion);

/**
 * Spends one attempt of a pending email change, only while that same change
 * (same code) is still pending and has an attempt left.
 */
export const spendEmailChangeAttemptUpdate = (
  contact: Contact & { emailChange: PendingEmailChange }
): TransactUpdate => ({
  Key: contactKeys({ accountId: contact.accountId, contactId: contact.id }),
  UpdateExpression: 'SET #change.#attempts = #change.#attempts - :one',
  ConditionExpression: '#change.#hash = :hash AND #change.#attempts > :zero',
  ExpressionAttributeNames: {
    '#change': 'emailChange',
    '#attempts': 'attemptsLeft',
    '#hash': 'codeHash',
  },
  ExpressionAttributeValues: { ':one': 1, ':zero': 0, ':hash': contact.emailChange.codeHash },
});

export const contactsPartition = (accountId: string) => ({
  partitionAttribute: TABLE.indexes.gsi2.partitionKey,
  partitionValue: contactsByNamePk(accountId),
});

/**
 * Access pattern `contactsByName` (gsi2): one page of an account's contacts
 * by folded last name, first name, then id. A cursor is a position in that
 * order, so it stays valid when contacts are renamed, added or removed.
 */
export const contactsPageQuery = (
  accountId: string,
  page: { limit: number; startKey?: Record<string, unknown> }
): QueryInput => ({
  IndexName: TABLE.indexes.gsi2.name,
  KeyConditionExpression: '#pk = :pk',
  ExpressionAttributeNames: { '#pk': TABLE.indexes.gsi2.partitionKey },
  ExpressionAttributeValues: { ':pk': contactsByNamePk(accountId) },
  Limit: page.limit,
  ExclusiveStartKey: page.startKey,
});

/**
 * Access pattern `accountProfile`: the account item and all its contacts in
 * one key range (`ACCOUNT` sorts just before `CONTACT#`). Item types that
 * could grow large must keep their sort keys outside this range.
 */
export const accountProfileQuery = (
  accountId: string,
  startKey?: Record<string, unknown>
): QueryInput => ({
  KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
  ExpressionAttributeNames: { '#pk': TABLE.partitionKey, '#sk': TABLE.sortKey },
  ExpressionAttributeValues: {
    ':pk': `${PREFIX.account}${accountId}`,
    ':from': PREFIX.accountItem,
    ':to': `${PREFIX.contact}\uffff`,
  },
  ExclusiveStartKey: startKey,
  ConsistentRead: true,
});

const HAS_SUPPORT_SCOPE: ExtraCondition = {
  expression: '#scope IN (:isolated, :global)',
  names: { '#scope': 'supportScope' },
  values: { ':isolated': 'isolated', ':global': 'global' },
};

/**
 * patch: the contact's assigned services after an assignment or a reset,
 * only over the version that was read. Assigning also needs the contact to
 * still have a support scope (it may have been set to `none` meanwhile).
 */
export const setAssignedServicesUpdate = (
  contact: Pick<Contact, 'accountId' | 'id' | 'version'>,
  change: { assignedServices: AssignedService[]; updatedAt: string; requireSupportScope: boolean }
): TransactUpdate =>
  patchAtVersion(
    contactKeys({ accountId: contact.accountId, contactId: contact.id }),
    { assignedServices: change.assignedServices, updatedAt: change.updatedAt },
    contact.version,
    change.requireSupportScope ? HAS_SUPPORT_SCOPE : undefined
  );

/** delete: only the version that was read (any version when none is given). */
export const deleteContactDelete = (
  contact: Pick<Contact, 'accountId' | 'id'>,
  expectedVersion: number
): NonNullable<TransactItem['Delete']> => ({
  Key: contactKeys({ accountId: contact.accountId, contactId: contact.id }),
  ...atVersionCondition(expectedVersion),
});

/** Access pattern `contactsByEmail` (gsi1): every account an address is a contact of. */
export const contactsByEmailQuery = (
  email: string,
  page: { limit: number; startKey?: Record<string, unknown> }
): QueryInput => ({
  IndexName: TABLE.indexes.gsi1.name,
  KeyConditionExpression: '#pk = :pk',
  ExpressionAttributeNames: { '#pk': TABLE.indexes.gsi1.partitionKey },
  ExpressionAttributeValues: { ':pk': `${PREFIX.email}${normaliseEmail(email)}` },
  Limit: page.limit,
  ExclusiveStartKey: page.startKey,
});

export const contactsByEmailPartition = (email: string) => ({
  partitionAttribute: TABLE.indexes.gsi1.partitionKey,
  partitionValue: `${PREFIX.email}${normaliseEmail(email)}`,
});
