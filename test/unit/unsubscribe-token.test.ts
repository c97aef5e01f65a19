import { describe, expect, it } from 'vitest';
import { ONE_CLICK, unsubscribeHeadersWith } from '#core/mail/unsubscribe-headers';
import {
  signUnsubscribeToken,
  UNSUBSCRIBE_TOKEN_DAYS,
  UNSUBSCRIBE_TOKEN_MAX,
  UNSUBSCRIBE_TOKEN_PATTERN,
  type UnsubscribeClaims,
  unsubscribeKey,
  verifyUnsubscribeToken,
} from '#core/mail/unsubscribe-token';
import { PREFERENCE_CATEGORIES } from '#core/rules/mail-categories';

const key = unsubscribeKey('a-secret-of-the-unit-tests-at-least-32-chars');
const issuedAt = new Date('2026-03-01T10:00:00Z');
const claims: UnsubscribeClaims = {
  accountId: '6f1c2a9e-1111-4c1e-9a77-0a0b0c0d0e0f',
  contactId: '2b7d4e10-2222-4f3a-8b11-1a2b3c4d5e6f',
  category: 'support',
};
const day = 24 * 3600 * 1000;
const later = (days: number) => new Date(issuedAt.getTime() + days * day);

const payloadOf = (token: string) =>
  Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8');

/** The token with its payload rewritten and the original MAC kept. */
const withPayload = (token: string, payload: string) =>
  `${Buffer.from(payload).toString('base64url')}.${token.split('.')[1]}`;

describe('signUnsubscribeToken and verifyUnsubscribeToken', () => {
  it('round-trip the account, contact and category until the expiry', () => {
    // Act
    const token = signUnsubscribeToken(key, claims, issuedAt);

    // Assess
    expect(token).toMatch(UNSUBSCRIBE_TOKEN_PATTERN);
    expect(verifyUnsubscribeToken(key, token, later(UNSUBSCRIBE_TOKEN_DAYS - 1))).toEqual({
      outcome: 'valid',
      claims,
      expiresAt: later(UNSUBSCRIBE_TOKEN_DAYS),
    });
  });

  it('is gone once expired, never valid again', () => {
    // Prepare
    const token = signUnsubscribeToken(key, claims, issuedAt);

    // Act & Assess
    expect(verifyUnsubscribeToken(key, token, later(UNSUBSCRIBE_TOKEN_DAYS))).toEqual({
      outcome: 'gone',
    });
    expect(verifyUnsubscribeToken(key, token, later(365)).outcome).toBe('gone');
  });

  it('refuses a token whose payload names another category, contact or account (the MAC no longer matches)', () => {
    // Prepare
    const token = signUnsubscribeToken(key, claims, issuedAt);
    const payload = payloadOf(token);
    const rewritten = [
      payload.replace(' support ', ' general '),
      payload.replace(claims.contactId, '9f9f9f9f-3333-4f3a-8b11-1a2b3c4d5e6f'),
      payload.replace(claims.accountId, '9f9f9f9f-4444-4c1e-9a77-0a0b0c0d0e0f'),
      payload.replace(/ \d+$/, ' 9999999999'),
    ];

    // Act & Assess
    for (const forged of rewritten) {
      expect(forged).not.toBe(payload);
      expect(verifyUnsubscribeToken(key, withPayload(token, forged), issuedAt), forged).toEqual({
        outcome: 'invalid',
      });
    }
  });

  it('refuses a token with any one character changed, truncated or extended', () => {
    // Prepare
    const token = signUnsubscribeToken(key, claims, issuedAt);
    const dot = token.indexOf('.');
    const swap = (at: number) =>
      `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
    const positions = Array.from({ length: token.length }, (_, at) => at).filter(
      (at) => at !== dot
    );
    const tampered = [
      ...positions.map(swap),
      token.slice(0, -1),
      token.slice(0, dot),
      `${token}A`,
      `A${token}`,
      token.replace('.', ''),
      '',
    ];

    // Act & Assess
    for (const candidate of tampered) {
      expect(verifyUnsubscribeToken(key, candidate, issuedAt).outcome, candidate).toBe('invalid');
    }
  });

  it('refuses a token signed with another secret', () => {
    // Prepare
    const other = unsubscribeKey('another-secret-of-the-unit-tests-32-chars');
    const token = signUnsubscribeToken(other, claims, issuedAt);

    // Act & Assess
    expect(verifyUnsubscribeToken(key, token, issuedAt)).toEqual({ outcome: 'invalid' });
  });

  it('keeps the longest ids within the documented length', () => {
    // Prepare
    const long = 'x'.repeat(100);

    // Act
    const token = signUnsubscribeToken(
      key,
      { accountId: long, contactId: long, category: 'invoice' },
      issuedAt
    );

    // Assess
    expect(token.length).toBeLessThanOrEqual(UNSUBSCRIBE_TOKEN_MAX);
    expect(token).toMatch(UNSUBSCRIBE_TOKEN_PATTERN);
    expect(verifyUnsubscribeToken(key, token, issuedAt).outcome).toBe('valid');
  });

  it('refuses to sign ids that are not of the API’s shape (a space would split the payload)', () => {
    // Act & Assess
    expect(() => signUnsubscribeToken(key, { ...claims, contactId: 'a b' }, issuedAt)).toThrow();
  });
});

describe('unsubscribeHeadersWith', () => {
  const headersFor = unsubscribeHeadersWith({ key, baseUrl: 'https://api.unit.example/v1/' });

  it('gives every preference category an https one-click link whose token names that contact and category', () => {
    for (const category of PREFERENCE_CATEGORIES) {
      // Act
      const headers = headersFor({ ...claims, category });

      // Assess
      expect(headers['List-Unsubscribe-Post']).toBe(ONE_CLICK);
      const link = /^<(.+)>$/.exec(headers['List-Unsubscribe'] ?? '')?.[1] ?? '';
      const url = new URL(link);
      expect(`${url.origin}${url.pathname}`).toBe('https://api.unit.example/v1/unsubscribe');
      expect([...url.searchParams.keys()]).toEqual(['token']);
      const checked = verifyUnsubscribeToken(key, url.searchParams.get('token') ?? '', new Date());
      expect(checked.outcome === 'valid' && checked.claims).toEqual({ ...claims, category });
    }
  });

  it('gives security mail no unsubscribe header at all', () => {
    // Act & Assess
    expect(headersFor({ ...claims, category: 'security' })).toEqual({});
  });

  it('writes each header on one line, with no character a header could be split at', () => {
    // Act
    const headers = headersFor(claims);

    // Assess
    for (const value of Object.values(headers)) expect(value).toMatch(/^[\x21-\x7e ]+$/);
  });
});
