import type { Contact } from '../entities/contact.ts';

/** The API view: no account id, no login id. */
export const toContactView = (contact: Contact) => ({
  id: contact.id,
  kind: contact.kind,
  firstName: contact.firstName,
  lastName: contact.lastName,
  ...(contact.companyName === undefined ? {} : { companyName: contact.companyName }),
  ...(contact.taxId === undefined ? {} : { taxId: contact.taxId }),
  email: contact.email,
  ...(contact.emailChange ? { pendingEmail: contact.emailChange.address } : {}),
  phone: contact.phone,
  address: contact.address,
  language: contact.language,
  emailPreferences: contact.emailPreferences,
  supportScope: contact.supportScope,
  assignedServices: contact.assignedServices.map(({ id, type }) => ({ id, type })),
  subAccount: contact.subAccount
    ? { status: contact.subAccount.status, permissions: contact.subAccount.permissions }
    : null,
  isPrimary: contact.isPrimary,
  version: contact.version,
});
