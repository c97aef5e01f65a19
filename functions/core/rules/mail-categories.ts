/**
 * What Portico mails, by category. A contact chooses the categories it
 * receives (`emailPreferences`); security mail (sign-in, email change,
 * invitation, password reset) always reaches the person concerned and has
 * no preference. docs/notifications.md says what each category carries.
 */
export const PREFERENCE_CATEGORIES = [
  'general',
  'product',
  'domain',
  'invoice',
  'support',
] as const;
export type PreferenceCategory = (typeof PREFERENCE_CATEGORIES)[number];

export const MAIL_CATEGORIES = [...PREFERENCE_CATEGORIES, 'security'] as const;
export type MailCategory = (typeof MAIL_CATEGORIES)[number];

export type EmailPreferences = Record<PreferenceCategory, boolean>;

/** A new contact gets maintenance notices; everything else it opts into. */
export const NEW_CONTACT_PREFERENCES: EmailPreferences = {
  general: true,
  product: false,
  domain: false,
  invoice: false,
  support: false,
};
