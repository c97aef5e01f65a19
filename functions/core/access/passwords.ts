/**
 * The client pool's password policy in code: Cognito enforces it in AWS but
 * the local emulator does not, so passwords a granter chooses and the demo
 * password are checked here against the same PASSWORD_POLICY the CDK pool
 * is built from. The generator makes passwords that always pass it.
 */
import { randomInt } from 'node:crypto';
import { PASSWORD_POLICY } from './user-pool.ts';

/** The special characters Cognito accepts for `RequireSymbols`. */
const COGNITO_SYMBOLS = '^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ';

export const passwordPolicyProblems = (password: string): string[] => {
  const problems: string[] = [];
  if (password.length < PASSWORD_POLICY.minLength) {
    problems.push(`at least ${PASSWORD_POLICY.minLength} characters`);
  }
  if (password.length > 256) problems.push('at most 256 characters');
  if (PASSWORD_POLICY.requireLowercase && !/[a-z]/.test(password))
    problems.push('a lowercase letter');
  if (PASSWORD_POLICY.requireUppercase && !/[A-Z]/.test(password))
    problems.push('an uppercase letter');
  if (PASSWORD_POLICY.requireDigits && !/[0-9]/.test(password)) problems.push('a digit');
  if (PASSWORD_POLICY.requireSymbols && ![...password].some((c) => COGNITO_SYMBOLS.includes(c))) {
    problems.push('a symbol');
  }
  if (/^\s|\s$/.test(password)) problems.push('no leading or trailing space');
  return problems;
};

// Look-alike characters (0/O, 1/l/I) are left out so a password read aloud or retyped survives.
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '!#%+-=?@^_';

const pick = (alphabet: string) => alphabet.charAt(randomInt(alphabet.length));

/** A random password of `length` (at least the policy minimum plus 4), one of each class guaranteed. */
export const generatePassword = (length = 20): string => {
  const size = Math.max(length, PASSWORD_POLICY.minLength + 4);
  const all = LOWER + UPPER + DIGITS + SYMBOLS;
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < size) chars.push(pick(all));
  // Fisher-Yates with a CSPRNG so the guaranteed classes sit anywhere.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
};
