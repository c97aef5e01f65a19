/**
 * Who wrote: the sender's address must be exactly one contact, of the
 * account the mail is for, that may write to support. A contact may when
 * its `support` mail is on and, for a sub-account, its login holds the
 * `tickets` area and is not suspended. A contact without a login writes by
 * mail only, so `support` alone decides. The account is the one the
 * thread names, else the support address's plus tag, else the only one
 * the address is an allowed contact of.
 */
import type { TicketViewer } from '#core/access/ticket-reach';
import type { Contact } from '#core/entities/contact';

export type SenderRefusal = 'not-registered' | 'several-accounts' | 'not-allowed';

export type SenderChoice = { contact: Contact } | { refused: SenderRefusal; accountIds?: string[] };

/** Why this contact may not write to support by mail, or undefined when it may. */
export const contactRefusal = (contact: Contact): string | undefined => {
  if (!contact.emailPreferences.support) return 'support mail is switched off for this contact';
  if (contact.isPrimary || !contact.subAccount) return undefined;
  if (contact.subAccount.status === 'suspended') return 'the login of this contact is suspended';
  if (!contact.subAccount.permissions.includes('tickets')) {
    return 'the login of this contact has no ticket permission';
  }
  return undefined;
};

/** The contact as the ticket rules see a viewer (core/access/ticket-reach.ts). */
export const viewerOf = (contact: Contact): TicketViewer => ({
  role: contact.isPrimary ? 'primary' : 'sub-account',
  contactId: contact.id,
  supportScope: contact.isPrimary ? 'global' : contact.supportScope,
  supportServiceIds: contact.assignedServices.map((service) => service.id),
});

/**
 * The contact the mail is from. `accountId` is the account the thread or
 * the plus tag names: the address must be a contact there. Without one,
 * the address must be an allowed contact of exactly one account.
 */
export const chooseContact = (contacts: Contact[], accountId?: string): SenderChoice => {
  if (accountId !== undefined) {
    const contact = contacts.find((one) => one.accountId === accountId);
    if (!contact) return { refused: 'not-registered' };
    return contactRefusal(contact) ? { refused: 'not-allowed' } : { contact };
  }
  if (contacts.length === 0) return { refused: 'not-registered' };
  const allowed = contacts.filter((contact) => !contactRefusal(contact));
  if (allowed.length === 0) return { refused: 'not-allowed' };
  const [only, ...others] = allowed;
  if (only && others.length === 0) return { contact: only };
  return { refused: 'several-accounts', accountIds: allowed.map((contact) => contact.accountId) };
};
