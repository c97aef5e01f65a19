import { describe, expect, it } from 'vitest';
import { base32Decode, otpauthUri, totpCode } from '../../scripts/local-stack/totp.ts';

/** RFC 6238 appendix B, SHA-1: the secret is the ASCII "12345678901234567890". */
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('totpCode', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1234567890, '89005924'],
    [20000000000, '65353130'],
  ])('matches the RFC 6238 test vector at %i s', (seconds, expected) => {
    // Act
    const code = totpCode(RFC_SECRET, seconds * 1000, 8);

    // Assess
    expect(code).toBe(expected);
  });

  it('gives six digits by default, the last six of the eight-digit code', () => {
    // Act
    const code = totpCode(RFC_SECRET, 59_000);

    // Assess
    expect(code).toBe('287082');
  });
});

describe('base32Decode', () => {
  it('decodes with or without padding and in lower case', () => {
    // Act
    const decoded = [RFC_SECRET, `${RFC_SECRET.toLowerCase()}====`].map((text) =>
      base32Decode(text).toString('ascii')
    );

    // Assess
    expect(decoded).toEqual(['12345678901234567890', '12345678901234567890']);
  });

  it('refuses characters outside the alphabet', () => {
    // Act
    const decode = () => base32Decode('ABC1');

    // Assess
    expect(decode).toThrow("'1' is not a base32 character");
  });
});

describe('otpauthUri', () => {
  it('names the issuer and the account for an authenticator app', () => {
    // Act
    const uri = otpauthUri('JBSWY3DPEHPK3PXP', 'staff@portico.example');

    // Assess
    expect(uri).toBe(
      'otpauth://totp/Portico%20staff%3Astaff%40portico.example?secret=JBSWY3DPEHPK3PXP&issuer=Portico%20staff'
    );
  });
});
