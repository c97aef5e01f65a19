import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '#core/db/idempotency';
import { idempotencyKeys } from '#core/entities/idempotency';
import { parseIdempotencyKey } from '#core/http/idempotency-key';

describe('Idempotency-Key', () => {
  it('takes a UUID or a client request id, trimmed, and no header as no key', () => {
    // Act / Assess
    expect(parseIdempotencyKey(' 5f0c1c2e-8a51-4f7e-9a3b-2f6f0b1d9c44 ')).toBe(
      '5f0c1c2e-8a51-4f7e-9a3b-2f6f0b1d9c44'
    );
    expect(parseIdempotencyKey('portal:req_0001')).toBe('portal:req_0001');
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
  });

  it('refuses keys that are short, long or could break a key or a header', () => {
    // Act / Assess
    for (const key of [
      '',
      'short',
      'x'.repeat(101),
      'has space in it',
      'a#b#c#d#e',
      'new\r\nline',
    ]) {
      expect(() => parseIdempotencyKey(key), key).toThrow(/Idempotency-Key must be/);
    }
  });

  it('tells requests apart by their content, and keys apart by their scope', () => {
    // Act / Assess
    expect(fingerprintOf({ subject: 'a' })).toBe(fingerprintOf({ subject: 'a' }));
    expect(fingerprintOf({ subject: 'a' })).not.toBe(fingerprintOf({ subject: 'b' }));
    expect(idempotencyKeys({ scope: 'acc#login1', key: 'k1234567' }).pk).not.toBe(
      idempotencyKeys({ scope: 'acc#login2', key: 'k1234567' }).pk
    );
  });
});
