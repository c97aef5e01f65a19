/**
 * Cognito's side of TOTP in a pool that requires it, for tests: no local
 * emulator issues MFA_SETUP. A login without an authenticator gets MFA_SETUP
 * after its password; AssociateSoftwareToken (by that session) answers a new
 * base32 secret and session; VerifySoftwareToken takes a code of that secret
 * (the step before, now or after, as AWS allows for clock drift) and answers
 * Status SUCCESS with the session that completes MFA_SETUP; a wrong code is
 * EnableSoftwareTokenMFAException and leaves the session usable. Once
 * enrolled, the login gets SOFTWARE_TOKEN_MFA instead.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { totpCode } from '../../scripts/local-stack/totp.ts';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const STEP_MS = 30_000;

type Answer = [number, unknown];
interface Login {
  userId: string;
}
interface Body {
  Session?: unknown;
  UserCode?: unknown;
  ChallengeName?: unknown;
  ChallengeResponses?: Record<string, string>;
}

/** The codes an authenticator with this secret may show now (one step of drift either way). */
export const acceptedCodes = (secret: string, at = Date.now()): string[] =>
  [-1, 0, 1].map((drift) => totpCode(secret, at + drift * STEP_MS));

const mismatch = (type: string, message: string): Answer => [400, { __type: type, message }];

/** `signedIn` is the pool's answer with tokens for a login that passed every challenge. */
export const totpPool = <U extends Login>(signedIn: (user: U) => unknown) => {
  const enrolled = new Map<string, string>();
  /** Session → the login and the step it is at. */
  const sessions = new Map<
    string,
    { user: U; at: 'setup' | 'associated' | 'verified' | 'mfa'; secret?: string }
  >();
  const open = (entry: Parameters<typeof sessions.set>[1]) => {
    const session = randomUUID();
    sessions.set(session, entry);
    return session;
  };
  return {
    /** The login's registered secret, if any. */
    secretOf: (user: U) => enrolled.get(user.userId),
    /** What follows a right password: MFA_SETUP without an authenticator, else SOFTWARE_TOKEN_MFA. */
    challenge: (user: U): Answer => {
      const setup = !enrolled.has(user.userId);
      const session = open({ user, at: setup ? 'setup' : 'mfa' });
      return [
        200,
        setup
          ? {
              ChallengeName: 'MFA_SETUP',
              ChallengeParameters: { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' },
              Session: session,
            }
          : { ChallengeName: 'SOFTWARE_TOKEN_MFA', ChallengeParameters: {}, Session: session },
      ];
    },
    /** The answer to a TOTP request, or undefined when the request is not one. */
    answer: (operation: string, body: Body): Answer | undefined => {
      const entry = sessions.get(String(body.Session));
      const invalid = mismatch('NotAuthorizedException', 'Invalid session for the user.');
      if (operation === 'AssociateSoftwareToken') {
        if (entry?.at !== 'setup') return invalid;
        sessions.delete(String(body.Session));
        const secret = Array.from({ length: 32 }, () => BASE32[randomInt(32)]).join('');
        return [200, { SecretCode: secret, Session: open({ ...entry, at: 'associated', secret }) }];
      }
      if (operation === 'VerifySoftwareToken') {
        if (entry?.at !== 'associated' || !entry.secret) return invalid;
        if (!acceptedCodes(entry.secret).includes(String(body.UserCode))) {
          return mismatch(
            'EnableSoftwareTokenMFAException',
            'Code mismatch and fail enable Software Token MFA'
          );
        }
        sessions.delete(String(body.Session));
        enrolled.set(entry.user.userId, entry.secret);
        return [200, { Status: 'SUCCESS', Session: open({ ...entry, at: 'verified' }) }];
      }
      const challenge = body.ChallengeName;
      if (challenge !== 'MFA_SETUP' && challenge !== 'SOFTWARE_TOKEN_MFA') return undefined;
      const expected = challenge === 'MFA_SETUP' ? 'verified' : 'mfa';
      if (entry?.at !== expected) return invalid;
      if (body.ChallengeResponses?.USERNAME !== entry.user.userId) return invalid;
      if (challenge === 'SOFTWARE_TOKEN_MFA') {
        const code = body.ChallengeResponses?.SOFTWARE_TOKEN_MFA_CODE ?? '';
        if (!acceptedCodes(enrolled.get(entry.user.userId) ?? '').includes(code)) {
          return mismatch('CodeMismatchException', 'Invalid code received for user');
        }
      }
      sessions.delete(String(body.Session));
      return [200, signedIn(entry.user)];
    },
  };
};
