/**
 * The one place that writes the RFC 2369 / RFC 8058 unsubscribe headers of a
 * mail to one contact: `List-Unsubscribe: <https://…/unsubscribe?token=…>`
 * and `List-Unsubscribe-Post: List-Unsubscribe=One-Click`. Security mail
 * has no preference, so it never carries them. An https link only: no
 * mailto (nothing reads mail sent to such an address).
 *
 * Reads the signing secret and the API's public URL once, at cold start;
 * only the workers that write mail import it.
 */
import { now } from '../platform/clock.ts';
import { readPublicApiConfig, readUnsubscribeConfig } from '../platform/config.ts';
import type { MailCategory } from '../rules/mail-categories.ts';
import { signUnsubscribeToken, unsubscribeKey } from './unsubscribe-token.ts';

export interface UnsubscribeRecipient {
  accountId: string;
  contactId: string;
  category: MailCategory;
}

/** The path the links open; the route table serves it (functions/contacts/routes.ts). */
export const UNSUBSCRIBE_PATH = 'unsubscribe';

export const ONE_CLICK = 'List-Unsubscribe=One-Click';

/** The header builder for one signing key and base URL (tests build their own). */
export const unsubscribeHeadersWith =
  (settings: { key: Buffer; baseUrl: string }) =>
  ({ accountId, contactId, category }: UnsubscribeRecipient): Record<string, string> => {
    if (category === 'security') return {};
    const token = signUnsubscribeToken(settings.key, { accountId, contactId, category }, now());
    const link = new URL(UNSUBSCRIBE_PATH, settings.baseUrl);
    link.searchParams.set('token', token);
    return { 'List-Unsubscribe': `<${link.href}>`, 'List-Unsubscribe-Post': ONE_CLICK };
  };

/** The headers of the stage: `{}` for security mail. */
export const unsubscribeHeaders = unsubscribeHeadersWith({
  key: unsubscribeKey(readUnsubscribeConfig().secret),
  baseUrl: readPublicApiConfig().baseUrl,
});
