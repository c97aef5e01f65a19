/**
 * Unsubscribe tokens: who (account, contact) turns which category off, until
 * when, signed with HMAC-SHA256. The token is `<payload>.<mac>`, both
 * base64url; the payload is `1 <accountId> <contactId> <category> <expiry>`
 * (ids never hold a space: core/http/id-shapes.ts). The MAC covers every
 * part, so no part can be swapped for another contact, account or
 * category; encodings are canonical (re-encoded and compared), so no
 * second spelling of a token verifies. Pure: the secret is passed in.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { PREFERENCE_CATEGORIES, type PreferenceCategory } from '../rules/mail-categories.ts';

const VERSION = '1';

/**
 * 60 days: mail is read (and one-click POSTs are sent by mail providers)
 * long after it went out, and US CAN-SPAM asks that an opt-out work for at
 * least 30 days after the mail; past 60 days a link stops working and the
 * client area (or a newer mail's link) still turns the category off.
 */
export const UNSUBSCRIBE_TOKEN_DAYS = 60;
const TOKEN_MS = UNSUBSCRIBE_TOKEN_DAYS * 24 * 3600 * 1000;

/** Longest token: two 100-character ids, a category, an expiry, the MAC, in base64url. */
export const UNSUBSCRIBE_TOKEN_MAX = 400;
export const UNSUBSCRIBE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{8,340}\.[A-Za-z0-9_-]{43}$/;

const ID = /^[A-Za-z0-9._:-]{1,100}$/;

export interface UnsubscribeClaims {
  accountId: string;
  contactId: string;
  category: PreferenceCategory;
}

export type UnsubscribeCheck =
  | { outcome: 'valid'; claims: UnsubscribeClaims; expiresAt: Date }
  /** Not a token we signed (tampered, truncated, another secret): a 400. */
  | { outcome: 'invalid' }
  /** Ours, but past its expiry or naming a category there is no more: a 410. */
  | { outcome: 'gone' };

/** The MAC key: derived, so the secret's alphabet and length do not matter beyond its minimum. */
export const unsubscribeKey = (secret: string): Buffer =>
  Buffer.from(hkdfSync('sha256', secret, '', 'portico unsubscribe token v1', 32));

const macOf = (key: Buffer, payload: Buffer) => createHmac('sha256', key).update(payload).digest();

export const signUnsubscribeToken = (key: Buffer, claims: UnsubscribeClaims, now: Date): string => {
  for (const id of [claims.accountId, claims.contactId]) {
    if (!ID.test(id)) throw new Error('An unsubscribe token names ids of the API’s own shape.');
  }
  const expiry = Math.floor((now.getTime() + TOKEN_MS) / 1000);
  const payload = Buffer.from(
    [VERSION, claims.accountId, claims.contactId, claims.category, String(expiry)].join(' ')
  );
  return `${payload.toString('base64url')}.${macOf(key, payload).toString('base64url')}`;
};

/** The bytes of a canonical base64url text, or undefined (Node's decoder ignores stray bits). */
const decoded = (text: string): Buffer | undefined => {
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
};

const isCategory = (value: string): value is PreferenceCategory =>
  (PREFERENCE_CATEGORIES as readonly string[]).includes(value);

export const verifyUnsubscribeToken = (key: Buffer, token: string, now: Date): UnsubscribeCheck => {
  if (!UNSUBSCRIBE_TOKEN_PATTERN.test(token)) return { outcome: 'invalid' };
  const [payloadText = '', macText = ''] = token.split('.');
  const payload = decoded(payloadText);
  const mac = decoded(macText);
  if (!payload || !mac || mac.length !== 32) return { outcome: 'invalid' };
  if (!timingSafeEqual(mac, macOf(key, payload))) return { outcome: 'invalid' };
  // Signed by us: from here on the parts are ours, checked anyway.
  const [version, accountId = '', contactId = '', category = '', expiry = '', ...rest] = payload
    .toString('utf8')
    .split(' ');
  if (version !== VERSION || rest.length > 0 || !ID.test(accountId) || !ID.test(contactId)) {
    return { outcome: 'invalid' };
  }
  if (!/^\d{1,12}$/.test(expiry)) return { outcome: 'invalid' };
  const expiresAt = new Date(Number(expiry) * 1000);
  if (!isCategory(category) || expiresAt.getTime() <= now.getTime()) return { outcome: 'gone' };
  return { outcome: 'valid', claims: { accountId, contactId, category }, expiresAt };
};
