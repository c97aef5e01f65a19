/**
 * Who is mailed about a ticket event (DESIGN.md "Email preferences"):
 *
 * - the primary contact, always, whatever its preferences;
 * - any other contact with `support` mail on who may see the ticket: the
 *   one who opened it, `global` support contacts, and `isolated` ones
 *   assigned to the ticket's service;
 * - a contact with a login only while that login may read tickets at all
 *   (active, holding the `tickets` area): mail never tells a login what
 *   the API would hide from it.
 *
 * One mail per address: the first reader of an address (the primary first)
 * is the one mailed. Suppressed addresses are logged, not queued, by the fan-out.
 */
import { maySee, type TicketInReach } from '#core/access/ticket-reach';
import type { Membership } from '#core/entities/membership';
import type { EmailPreferences } from '#core/rules/mail-categories';
import type { Area } from '#core/rules/permissions';

/** A contact of the account as ticket mail sees it; `login` when it has one on this account. */
export interface MailReader {
  contactId: string;
  email: string;
  language: string;
  isPrimary: boolean;
  emailPreferences: EmailPreferences;
  supportScope: Membership['supportScope'];
  supportServiceIds: string[];
  login?: { status: Membership['status']; permissions: Area[] };
}

export type RecipientReason = 'primary' | 'opener' | 'support';

export interface MailRecipient {
  contactId: string;
  email: string;
  language: string;
  reason: RecipientReason;
}

/** A login reads tickets while it is active and holds `tickets`; the primary always does. */
const readsTickets = (reader: MailReader) =>
  reader.isPrimary ||
  reader.login === undefined ||
  (reader.login.status === 'active' && reader.login.permissions.includes('tickets'));

const reachOf = (reader: MailReader, ticket: TicketInReach): RecipientReason | undefined => {
  if (reader.isPrimary) return 'primary';
  if (!reader.emailPreferences.support || !readsTickets(reader)) return undefined;
  const viewer = {
    role: 'sub-account' as const,
    contactId: reader.contactId,
    supportScope: reader.supportScope,
    supportServiceIds: reader.supportServiceIds,
  };
  if (!maySee(viewer, ticket)) return undefined;
  return ticket.openedBy.contactId === reader.contactId ? 'opener' : 'support';
};

export const ticketMailRecipients = (
  ticket: TicketInReach,
  readers: readonly MailReader[]
): MailRecipient[] => {
  const byAddress = new Map<string, MailRecipient>();
  const primaryFirst = [...readers].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  for (const reader of primaryFirst) {
    const reason = reachOf(reader, ticket);
    const address = reader.email.trim().toLowerCase();
    if (!reason || byAddress.has(address)) continue;
    const { contactId, email, language } = reader;
    byAddress.set(address, { contactId, email, language, reason });
  }
  return [...byAddress.values()];
};
