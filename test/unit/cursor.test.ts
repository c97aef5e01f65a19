import { describe, expect, it } from 'vitest';
import { type CursorScope, openCursor, sealCursor } from '#core/db/cursor';
import { BadRequestError } from '#core/platform/errors';

const owner = { kind: 'member', loginId: 'login-1' } as const;
const tickets: CursorScope = {
  list: 'tickets',
  owner,
  partitionAttribute: 'gsi1pk',
  partitionValue: 'ACCOUNT#a1#TICKETS',
};
const hiddenTicket = '01J9ZZZZZZZZZZZZZZZZZZZZZZ';
const lastKey = {
  pk: 'ACCOUNT#a1',
  sk: `TICKET#${hiddenTicket}`,
  gsi1pk: 'ACCOUNT#a1#TICKETS',
  gsi1sk: `2026-03-01T10:00:00.000Z#${hiddenTicket}`,
};

/** Flips one bit of the cursor's bytes at `position` (negative: from the end). */
const flipped = (cursor: string, position: number) => {
  const bytes = Buffer.from(cursor, 'base64url');
  const at = position < 0 ? bytes.length + position : position;
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  return bytes.toString('base64url');
};

describe('sealCursor and openCursor', () => {
  it('round-trip the start key for the list and caller it was issued to', () => {
    // Act
    const cursor = sealCursor(lastKey, tickets);

    // Assess
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(openCursor(cursor ?? undefined, tickets)).toEqual(lastKey);
  });

  it('is null on the last page, and no cursor opens to no start key', () => {
    // Act & Assess
    expect(sealCursor(undefined, tickets)).toBeNull();
    expect(openCursor(undefined, tickets)).toBeUndefined();
  });

  it('reveals no key: neither the ids nor the account appear in the cursor or its decoding', () => {
    // Act
    const cursor = sealCursor(lastKey, tickets) ?? '';
    const decoded = Buffer.from(cursor, 'base64url').toString('latin1');

    // Assess
    for (const text of [cursor, decoded]) {
      expect(text).not.toContain(hiddenTicket);
      expect(text).not.toContain('ACCOUNT');
      expect(text).not.toContain('TICKET');
    }
  });

  it('never seals the same key into the same cursor twice', () => {
    // Act & Assess
    expect(sealCursor(lastKey, tickets)).not.toBe(sealCursor(lastKey, tickets));
  });

  it('refuses a tampered cursor with 400', () => {
    // Prepare
    const cursor = sealCursor(lastKey, tickets) ?? '';
    const tampered = [
      flipped(cursor, 0),
      flipped(cursor, 5),
      flipped(cursor, 20),
      flipped(cursor, -1),
      cursor.slice(0, -4),
      `${cursor}AAAA`,
      'not-a-cursor',
      Buffer.from(JSON.stringify(lastKey)).toString('base64url'),
    ];

    // Act & Assess
    for (const candidate of tampered)
      expect(() => openCursor(candidate, tickets)).toThrow(BadRequestError);
  });

  it('refuses with 400 a cursor of another list, another account or another caller', () => {
    // Prepare
    const cursor = sealCursor(lastKey, tickets) ?? '';
    const elsewhere: CursorScope[] = [
      { ...tickets, list: 'services' },
      { ...tickets, partitionValue: 'ACCOUNT#a2#TICKETS' },
      { ...tickets, owner: { kind: 'member', loginId: 'login-2' } },
      { ...tickets, owner: { kind: 'staff', staffId: 'login-1' } },
    ];

    // Act & Assess
    for (const scope of elsewhere) expect(() => openCursor(cursor, scope)).toThrow(BadRequestError);
  });

  it('refuses with 400 a validly sealed key outside its listing', () => {
    // Prepare: sealed with the right key, but not a key the listing's query can reach
    const contacts: CursorScope = {
      list: 'contacts',
      owner,
      partitionAttribute: 'pk',
      partitionValue: 'ACCOUNT#a1',
      sortRange: { attribute: 'sk', prefix: 'CONTACT#' },
    };
    const outside = sealCursor({ pk: 'ACCOUNT#a1', sk: 'ACCOUNT' }, contacts) ?? '';
    const otherPartition = sealCursor({ pk: 'ACCOUNT#a2', sk: 'CONTACT#c1' }, contacts) ?? '';

    // Act & Assess
    expect(() => openCursor(outside, contacts)).toThrow(BadRequestError);
    expect(() => openCursor(otherPartition, contacts)).toThrow(BadRequestError);
  });
});
