/**
 * Changing the email of a contact that has a login: the new address only
 * becomes the login after its owner proves it with a code mailed to it.
 * Pure logic (code, hash, checks); services store the state on the contact.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

export const EMAIL_CHANGE = { codeDigits: 6, validMinutes: 30, attempts: 5 } as const;

export interface PendingEmailChange {
  address: string;
  /**
   * The login that asked for the change: only it may confirm, even if the
   * contact's login changes meanwhile (changes stored before this field
   * existed have none and can no longer be confirmed).
   */
  startedBy?: string;
  codeHash: string;
  expiresAt: string;
  attemptsLeft: number;
}

const hashCode = (contactId: string, address: string, code: string) =>
  createHash('sha256').update(`${contactId}\n${address}\n${code}`).digest('hex');

export const startEmailChange = (
  contactId: string,
  address: string,
  now: Date,
  startedBy: string
): { pending: PendingEmailChange; code: string } => {
  const code = String(randomInt(0, 10 ** EMAIL_CHANGE.codeDigits)).padStart(
    EMAIL_CHANGE.codeDigits,
    '0'
  );
  const expiresAt = new Date(now.getTime() + EMAIL_CHANGE.validMinutes * 60_000).toISOString();
  return {
    code,
    pending: {
      address,
      startedBy,
      codeHash: hashCode(contactId, address, code),
      expiresAt,
      attemptsLeft: EMAIL_CHANGE.attempts,
    },
  };
};

export type CodeVerdict = 'valid' | 'wrong' | 'expired' | 'exhausted';

export const checkEmailChangeCode = (
  contactId: string,
  pending: PendingEmailChange,
  code: string,
  now: Date
): CodeVerdict => {
  if (pending.attemptsLeft <= 0) return 'exhausted';
  if (now.toISOString() > pending.expiresAt) return 'expired';
  const expected = Buffer.from(pending.codeHash, 'hex');
  const actual = Buffer.from(hashCode(contactId, pending.address, code.trim()), 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? 'valid' : 'wrong';
};
