import { describe, expect, it } from 'vitest';
import { fromLoginItem, sessionStillValid } from '#core/entities/login';
import { quoted } from '#core/mail/security-mail';

describe('sessionStillValid', () => {
  it('accepts every session while no cut-off was recorded', () => {
    expect(sessionStillValid({}, 0)).toBe(true);
    expect(sessionStillValid({}, undefined)).toBe(true);
  });

  it('refuses a session that began before the cut-off, and one without auth_time', () => {
    // Prepare
    const record = { sessionsNotBefore: 1_800_000_000 };

    // Assess
    expect(sessionStillValid(record, 1_799_999_999)).toBe(false);
    expect(sessionStillValid(record, undefined)).toBe(false);
    expect(sessionStillValid(record, 1_800_000_000)).toBe(true);
  });
});

describe('fromLoginItem', () => {
  const item = {
    loginId: 'l-1',
    name: 'Ada',
    email: 'ada@example.com',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };

  it('counts a profile written before emailProven existed as proven', () => {
    expect(fromLoginItem(item).emailProven).toBe(true);
  });

  it('keeps an unproven login confined to the account that created it', () => {
    // Act
    const login = fromLoginItem({ ...item, emailProven: false, confinedToAccountId: 'a-1' });

    // Assess
    expect(login).toMatchObject({ emailProven: false, confinedToAccountId: 'a-1' });
  });
});

describe('quoted', () => {
  it('keeps customer text on one line, marked as data', () => {
    // Act
    const text = quoted('Acme\r\nSubject: Your password expired\u202e\u2028click here');

    // Assess
    expect(text).toBe('\u201cAcme Subject: Your password expired click here\u201d');
  });

  it('bounds the length', () => {
    expect(quoted('x'.repeat(500)).length).toBeLessThanOrEqual(102);
  });
});
