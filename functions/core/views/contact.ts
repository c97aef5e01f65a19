import type { Contact } from '../entities/contact.ts';
import { currentEmailStatus } from '../rules/email-status.ts';

/** What SES reported of the contact's current address, if anything. */
const emailStatusView = (contact: Contact) => {
  const current = currentEmailStatus(contact.emailStatus, contact.email);
  return current ? { emailStatus: { status: current.status, at: current.at } } : {};
};

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
  ...emailStatusView(contact),
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
