/**
 * The language a login's mail is written in: its profile's (`LOGIN#<sub>`,
 * one GetItem by the key the user's `sub` gives). A user without a profile
 * (a staff login) reads English; so does a profile that cannot be read,
 * because a reset code in English beats no code at all (Cognito fails the
 * whole request when this trigger fails).
 */
import { type ContactLanguage, DEFAULT_CONTACT_LANGUAGE } from '#core/entities/contact';
import { fromLoginItem, getLoginCommand } from '#core/entities/login';
import { logger } from '#core/platform/observability';
import type { TableStore } from '#core/table/store';

export const loginLanguage = async (
  store: TableStore,
  loginId: string | undefined
): Promise<ContactLanguage> => {
  if (!loginId) return DEFAULT_CONTACT_LANGUAGE;
  try {
    const item = await store.get(getLoginCommand(loginId));
    return item ? fromLoginItem(item).language : DEFAULT_CONTACT_LANGUAGE;
  } catch (error) {
    logger.warn('login language unreadable; the message goes in English', { loginId, error });
    return DEFAULT_CONTACT_LANGUAGE;
  }
};
