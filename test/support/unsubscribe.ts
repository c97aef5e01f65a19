/** Reading the unsubscribe headers of a mail, as a mail provider would. */
import { expect } from 'vitest';
import {
  signUnsubscribeToken,
  type UnsubscribeClaims,
  unsubscribeKey,
  verifyUnsubscribeToken,
} from '#core/mail/unsubscribe-token';
import { readUnsubscribeConfig } from '#core/platform/config';

const key = unsubscribeKey(readUnsubscribeConfig().secret);

/** The https link of `List-Unsubscribe` (`<…>`), or undefined when the mail has none. */
export const unsubscribeLinkOf = (headers: Record<string, string>): URL | undefined => {
  const value = headers['List-Unsubscribe'];
  const link = value === undefined ? undefined : /^<(https?:\/\/[^>]+)>$/.exec(value)?.[1];
  return link === undefined ? undefined : new URL(link);
};

/** Whom the mail's link unsubscribes from what, checked with the stage's key; undefined without one. */
export const unsubscribeClaimsOf = (headers: Record<string, string>) => {
  const link = unsubscribeLinkOf(headers);
  if (!link) return undefined;
  expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  const checked = verifyUnsubscribeToken(key, link.searchParams.get('token') ?? '', new Date());
  return checked.outcome === 'valid' ? checked.claims : checked;
};

export const FORM = 'application/x-www-form-urlencoded';
export const ONE_CLICK = 'List-Unsubscribe=One-Click';

/** A token as the stage would sign it now, or at `at`. */
export const signedUnsubscribeToken = (claims: UnsubscribeClaims, at = new Date()) =>
  signUnsubscribeToken(key, claims, at);
