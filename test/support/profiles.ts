/**
 * In-memory accounts for unit tests of pure rules: an account with its
 * contacts and the caller objects the authorization middleware would build.
 * Nothing here talks to an emulator.
 */

import type { MemberCaller } from '#core/access/caller';
import { ALL_EMAIL_PREFERENCES, type Contact } from '#core/entities/contact';
import type { Area } from '#core/rules/permissions';
import type { Profile } from '#core/workflows/account-profile';

const AT = '2026-01-01T00:00:00.000Z';

export const contactOf = (id: string, changes: Partial<Contact> = {}): Contact => ({
  id,
  accountId: 'a1',
  kind: 'individual',
  firstName: id.toUpperCase(),
  lastName: 'Example',
  email: `${id}@customer.example`,
  phone: '+441632960961',
  address: { line1: '1 Harbour Street', city: 'Bristol', postcode: 'BS1 4DJ', country: 'GB' },
  language: 'en',
  emailPreferences: ALL_EMAIL_PREFERENCES,
  supportScope: 'none',
  assignedServices: [],
  subAccount: null,
  isPrimary: false,
  version: 1,
  createdAt: AT,
  updatedAt: AT,
  ...changes,
});

/** A contact holding an active sub-account login with `permissions`. */
export const subAccountOf = (
  id: string,
  permissions: Area[],
  changes: Partial<Contact> = {}
): Contact =>
  contactOf(id, {
    loginId: `login-${id}`,
    subAccount: { status: 'active', permissions },
    ...changes,
  });

export const profileOf = (contacts: Contact[]): Profile => ({
  account: {
    id: 'a1',
    name: 'Demo Hosting Customer',
    status: 'active',
    primaryContactId: contacts.find((contact) => contact.isPrimary)?.id ?? 'primary',
    contractNumbers: [],
    hostedDomains: [],
    version: 1,
    createdAt: AT,
    updatedAt: AT,
  },
  contacts,
});

/** The caller a contact's login becomes once the middleware has read its membership. */
export const callerOf = (contact: Contact): MemberCaller => ({
  kind: 'member',
  loginId: contact.loginId ?? `login-${contact.id}`,
  authTime: 0,
  membership: {
    loginId: contact.loginId ?? `login-${contact.id}`,
    accountId: contact.accountId,
    contactId: contact.id,
    role: contact.isPrimary ? 'primary' : 'sub-account',
    permissions: contact.subAccount?.permissions ?? [],
    status: 'active',
    primaryContactId: 'primary',
    supportScope: contact.supportScope,
    supportServiceIds: contact.assignedServices.map((service) => service.id),
    createdAt: AT,
    updatedAt: AT,
  },
});
