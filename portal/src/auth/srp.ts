/**
 * Cognito's SRP sign-in (USER_SRP_AUTH, then the PASSWORD_VERIFIER
 * challenge), so the password never leaves the browser. The SRP-6a math is
 * AWS's own (amazon-cognito-identity-js `AuthenticationHelper`: Cognito's
 * 3072-bit group, its padding and its key derivation); this module only
 * signs the challenge. Loaded on demand, at a sign-in that uses SRP, to keep
 * it off the first page (docs/adr/0010-portal-srp-sign-in.md).
 */
import * as cognitoIdentity from 'amazon-cognito-identity-js';

/** The library's big integers, as far as this module handles them. */
interface BigNumber {
  toString(radix: number): string;
}

type Callback<T> = (error: Error | null, value: T) => void;

/** The part of `AuthenticationHelper` used here (the package declares no type for it). */
interface AuthenticationHelper {
  /** Cognito's prime N; its constructor is the library's big-integer class. */
  readonly N: BigNumber;
  getLargeAValue(callback: Callback<BigNumber>): void;
  getPasswordAuthenticationKey(
    userIdForSrp: string,
    password: string,
    serverB: BigNumber,
    salt: BigNumber,
    callback: Callback<Uint8Array>
  ): void;
}

const { AuthenticationHelper } = cognitoIdentity as unknown as {
  AuthenticationHelper: new (poolName: string) => AuthenticationHelper;
};

/** What Cognito's PASSWORD_VERIFIER challenge carries. */
export interface SrpChallenge {
  SRP_B: string;
  SALT: string;
  SECRET_BLOCK: string;
  USER_ID_FOR_SRP: string;
}

/** The answer to PASSWORD_VERIFIER. */
export interface PasswordVerifierResponses {
  USERNAME: string;
  PASSWORD_CLAIM_SECRET_BLOCK: string;
  TIMESTAMP: string;
  PASSWORD_CLAIM_SIGNATURE: string;
}

export interface SrpSignIn {
  /** The client's public value A, in hex, for InitiateAuth's `SRP_A`. */
  srpA: string;
  /** Signs the challenge with the key the password and Cognito's B derive. */
  answer(challenge: SrpChallenge, password: string, now?: Date): Promise<PasswordVerifierResponses>;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** Cognito's TIMESTAMP: `ddd MMM D HH:mm:ss UTC YYYY` in UTC, the day not padded. */
export const cognitoTimestamp = (date: Date): string =>
  `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} ` +
  `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} ` +
  `UTC ${date.getUTCFullYear()}`;

/** The pool name SRP hashes: the part of the pool id after the region. */
export const poolNameOf = (userPoolId: string): string => userPoolId.split('_')[1] ?? '';

const settle = <T>(run: (callback: Callback<T>) => void): Promise<T> =>
  new Promise((resolve, reject) => {
    try {
      run((error, value) => (error ? reject(error) : resolve(value)));
    } catch (error) {
      reject(error);
    }
  });

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string): Uint8Array =>
  Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

/** HMAC-SHA256 of the message parts, joined, under `key` (WebCrypto). */
const hmacSha256 = async (key: Uint8Array, parts: Uint8Array[]): Promise<Uint8Array> => {
  const message = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    message.set(part, at);
    at += part.length;
  }
  const hmacKey = await crypto.subtle.importKey(
    'raw',
    Uint8Array.from(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign']
  );
  return new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, message));
};

/** A fresh SRP exchange for one sign-in to the pool (a new secret a each time). */
export const startSrp = async (userPoolId: string): Promise<SrpSignIn> => {
  const poolName = poolNameOf(userPoolId);
  const helper = new AuthenticationHelper(poolName);
  const largeA = await settle<BigNumber>((done) => helper.getLargeAValue(done));
  const BigInteger = helper.N.constructor as new (value: string, radix: number) => BigNumber;
  return {
    srpA: largeA.toString(16),
    answer: async (challenge, password, now = new Date()) => {
      const key = await settle<Uint8Array>((done) =>
        helper.getPasswordAuthenticationKey(
          challenge.USER_ID_FOR_SRP,
          password,
          new BigInteger(challenge.SRP_B, 16),
          new BigInteger(challenge.SALT, 16),
          done
        )
      );
      const timestamp = cognitoTimestamp(now);
      const text = new TextEncoder();
      const signature = await hmacSha256(key, [
        text.encode(poolName),
        text.encode(challenge.USER_ID_FOR_SRP),
        fromBase64(challenge.SECRET_BLOCK),
        text.encode(timestamp),
      ]);
      return {
        USERNAME: challenge.USER_ID_FOR_SRP,
        PASSWORD_CLAIM_SECRET_BLOCK: challenge.SECRET_BLOCK,
        TIMESTAMP: timestamp,
        PASSWORD_CLAIM_SIGNATURE: toBase64(signature),
      };
    },
  };
};
