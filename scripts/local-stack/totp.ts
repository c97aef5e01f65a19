/**
 * TOTP codes (RFC 6238: HMAC-SHA1, 6 digits, 30 s steps) from the base32
 * secret Cognito's AssociateSoftwareToken returns: what an authenticator app
 * computes, so the seed, the tests and the staff token command can answer
 * the SOFTWARE_TOKEN_MFA challenge.
 */
import { createHmac } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export const base32Decode = (text: string): Buffer => {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`'${char}' is not a base32 character`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
};

export const totpCode = (secret: string, at = Date.now(), digits = 6, stepSeconds = 30): string => {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / stepSeconds)));
  const hmac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  // Dynamic truncation (RFC 4226 §5.3).
  const offset = (hmac[hmac.length - 1] ?? 0) & 0x0f;
  const binary = hmac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
};

/** What an authenticator app scans (as a QR code) or accepts pasted. */
export const otpauthUri = (secret: string, account: string, issuer = 'Portico staff'): string =>
  `otpauth://totp/${encodeURIComponent(`${issuer}:${account}`)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}`;
