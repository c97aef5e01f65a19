/**
 * Who gets a notice or an invoice mail of one account (docs/notifications.md,
 * "Who gets category mail"):
 *
 * - a contact gets category C mail when its `emailPreferences[C]` is on;
 * - a contact whose login is suspended gets none;
 * - invoice mail: the primary always; another contact with a login only
 *   while that login may read invoices (active, holding `invoices`): mail
 *   never tells a login what the API would hide from it;
 * - a notice scoped to services: an `isolated` support contact only when
 *   one of its assigned services is among them;
 * - one mail per address, the primary first.
 *
 * Every contact not mailed is named with the reason, for the notice's counts.
 */

import type { SkipReason } from '#core/entities/notice';
import type { PreferenceCategory } from '#core/rules/mail-categories';
import type { MailReader } from './ticket-recipients.ts';

export interface CategoryMail {
  category: Exclude<PreferenceCategory, 'support'>;
  /** The account's services a service-scoped notice names; absent for account-wide mail. */
  serviceIds?: readonly string[];
}

export interface CategoryRecipient {
  contactId: string;
  email: string;
  language: string;
  /** The primary's invoice mail: sent whatever it sets, so no unsubscribe link. */
  alwaysMailed: boolean;
}

export interface CategoryRecipients {
  recipients: CategoryRecipient[];
  skipped: { contactId: string; reason: Exclude<SkipReason, 'suppressed'> }[];
}

const skipReasonOf = (
  reader: MailReader,
  mail: CategoryMail
): Exclude<SkipReason, 'suppressed' | 'duplicateAddress'> | undefined => {
  if (mail.category === 'invoice' && reader.isPrimary) return undefined;
  if (reader.login?.status === 'suspended') return 'loginSuspended';
  if (!reader.emailPreferences[mail.category]) return 'categoryOff';
  if (
    mail.category === 'invoice' &&
    reader.login &&
    !(reader.login.status === 'active' && reader.login.permissions.includes('invoices'))
  )
    return 'noInvoiceAccess';
  if (
    mail.serviceIds &&
    reader.supportScope === 'isolated' &&
    !reader.supportServiceIds.some((id) => mail.serviceIds?.includes(id))
  )
    return 'notAssigned';
  return undefined;
};

export const categoryMailRecipients = (
  mail: CategoryMail,
  readers: readonly MailReader[]
): CategoryRecipients => {
  const byAddress = new Map<string, CategoryRecipient>();
  const skipped: CategoryRecipients['skipped'] = [];
  const primaryFirst = [...readers].sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
  for (const reader of primaryFirst) {
    const reason = skipReasonOf(reader, mail);
    const address = reader.email.trim().toLowerCase();
    if (reason) skipped.push({ contactId: reader.contactId, reason });
    else if (byAddress.has(address))
      skipped.push({ contactId: reader.contactId, reason: 'duplicateAddress' });
    else {
      const { contactId, email, language } = reader;
      const alwaysMailed = mail.category === 'invoice' && reader.isPrimary;
      byAddress.set(address, { contactId, email, language, alwaysMailed });
    }
  }
  return { recipients: [...byAddress.values()], skipped };
};
