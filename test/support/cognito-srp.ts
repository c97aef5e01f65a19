/**
 * Cognito's side of USER_SRP_AUTH, for tests: no local emulator speaks SRP.
 * SRP-6a over the 3072-bit group of RFC 3526 with g = 2 and SHA-256, the
 * way Cognito runs it: k = H(N | g), x = H(salt | H(poolName + userId + ':'
 * + password)), v = g^x, B = k·v + g^b, u = H(A | B), S = (A·v^u)^b, the
 * 16-byte key HKDF(S, salt u, info "Caldera Derived Key"), and the
 * PASSWORD_CLAIM_SIGNATURE HMAC-SHA256(key, poolName | userId | secret block
 * | timestamp), base64. Written with BigInt and node:crypto, apart from the
 * portal's code, so the two check each other.
 */
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { totpPool } from './cognito-totp.ts';

const N = BigInt(
  '0xFFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF'
);
const g = 2n;

const modPow = (base: bigint, exponent: bigint, modulus: bigint): bigint => {
  let result = 1n;
  let b = ((base % modulus) + modulus) % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
};

/** The big-endian bytes of a positive number, with a 0x00 first when the top bit is set. */
const bytesOf = (n: bigint): Buffer => {
  const hex = n.toString(16);
  const even = hex.length % 2 ? `0${hex}` : hex;
  return Buffer.from(/^[89a-f]/.test(even) ? `00${even}` : even, 'hex');
};

const sha256 = (...parts: (Buffer | string)[]): Buffer => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};
const toBig = (bytes: Buffer): bigint => BigInt(`0x${bytes.toString('hex') || '0'}`);
const hmac = (key: Buffer, ...parts: (Buffer | string)[]): Buffer => {
  const mac = createHmac('sha256', key);
  for (const part of parts) mac.update(part);
  return mac.digest();
};

const k = toBig(sha256(bytesOf(N), bytesOf(g)));

/** What the pool stores for a login: its SRP id, salt and verifier (never the password). */
export interface SrpUser {
  email: string;
  userId: string;
  salt: bigint;
  verifier: bigint;
  /** Answer NEW_PASSWORD_REQUIRED after the password (a temporary password). */
  newPasswordRequired?: boolean;
  /** The pool requires TOTP: MFA_SETUP, or SOFTWARE_TOKEN_MFA once enrolled (./cognito-totp.ts). */
  totpRequired?: boolean;
}

const xOf = (poolName: string, userId: string, password: string, salt: bigint) =>
  toBig(sha256(bytesOf(salt), sha256(`${poolName}${userId}:${password}`)));

const saltedVerifier = (poolName: string, userId: string, password: string) => {
  const salt = toBig(randomBytes(16));
  return { salt, verifier: modPow(g, xOf(poolName, userId, password, salt), N) };
};

export const srpUser = (poolName: string, email: string, password: string): SrpUser => {
  const userId = randomUUID();
  return { email, userId, ...saltedVerifier(poolName, userId, password) };
};

/** One PASSWORD_VERIFIER challenge as Cognito issues it, and the signature it then expects. */
export interface ServerChallenge {
  params: { SALT: string; SRP_B: string; SECRET_BLOCK: string; USER_ID_FOR_SRP: string };
  expectedSignature(timestamp: string): string;
}

export const srpChallenge = (poolName: string, user: SrpUser, srpA: string): ServerChallenge => {
  const A = BigInt(`0x${srpA}`);
  if (A % N === 0n) throw new Error('SRP_A is 0 mod N');
  const b = toBig(randomBytes(32));
  const B = (k * user.verifier + modPow(g, b, N)) % N;
  const u = toBig(sha256(bytesOf(A), bytesOf(B)));
  const S = modPow(A * modPow(user.verifier, u, N), b, N);
  const prk = hmac(bytesOf(u), bytesOf(S));
  const key = hmac(prk, 'Caldera Derived Key', Buffer.from([1])).subarray(0, 16);
  const secretBlock = randomBytes(64);
  return {
    params: {
      SALT: user.salt.toString(16),
      SRP_B: B.toString(16),
      SECRET_BLOCK: secretBlock.toString('base64'),
      USER_ID_FOR_SRP: user.userId,
    },
    expectedSignature: (timestamp) =>
      hmac(key, poolName, user.userId, secretBlock, timestamp).toString('base64'),
  };
};

export interface CognitoRequest {
  operation: string;
  body: Record<string, unknown> & {
    AuthParameters?: Record<string, string>;
    ChallengeResponses?: Record<string, string>;
  };
}

/**
 * A user-pool endpoint that signs in by SRP only, recording every request it
 * gets; logins with `totpRequired` then go through TOTP (./cognito-totp.ts).
 */
export const startSrpCognito = async (poolName: string, users: SrpUser[]) => {
  const requests: CognitoRequest[] = [];
  const pending = new Map<string, { user: SrpUser; challenge: ServerChallenge }>();
  const refused = { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' };
  const tokens = (user: SrpUser) => ({
    AuthenticationResult: {
      AccessToken: `access.${user.userId}`,
      RefreshToken: 'refresh',
      ExpiresIn: 3600,
    },
  });
  const totp = totpPool(tokens);
  /** Past the password (and a new one where asked): tokens, or TOTP first. */
  const passed = (user: SrpUser): [number, unknown] =>
    user.totpRequired ? totp.challenge(user) : [200, tokens(user)];
  const answer = (request: CognitoRequest): [number, unknown] => {
    const { body } = request;
    const totpAnswer = totp.answer(request.operation, body);
    if (totpAnswer) return totpAnswer;
    if (request.operation === 'InitiateAuth' && body.AuthFlow === 'USER_SRP_AUTH') {
      const user = users.find((u) => u.email === body.AuthParameters?.USERNAME);
      if (!user) return [400, refused];
      const challenge = srpChallenge(poolName, user, body.AuthParameters?.SRP_A ?? '');
      const session = randomUUID();
      pending.set(session, { user, challenge });
      return [
        200,
        {
          ChallengeName: 'PASSWORD_VERIFIER',
          ChallengeParameters: challenge.params,
          Session: session,
        },
      ];
    }
    if (request.operation === 'InitiateAuth') {
      return [
        400,
        { __type: 'InvalidParameterException', message: 'Auth flow not enabled for this client' },
      ];
    }
    const responses = body.ChallengeResponses ?? {};
    const started = pending.get(String(body.Session));
    if (request.operation !== 'RespondToAuthChallenge' || !started) return [400, refused];
    pending.delete(String(body.Session));
    const { user, challenge } = started;
    if (responses.USERNAME !== user.userId) return [400, refused];
    if (body.ChallengeName === 'NEW_PASSWORD_REQUIRED' && responses.NEW_PASSWORD) {
      Object.assign(user, saltedVerifier(poolName, user.userId, responses.NEW_PASSWORD), {
        newPasswordRequired: false,
      });
      return passed(user);
    }
    const signed =
      body.ChallengeName === 'PASSWORD_VERIFIER' &&
      responses.PASSWORD_CLAIM_SECRET_BLOCK === challenge.params.SECRET_BLOCK &&
      responses.PASSWORD_CLAIM_SIGNATURE === challenge.expectedSignature(responses.TIMESTAMP ?? '');
    if (!signed) return [400, refused];
    if (!user.newPasswordRequired) return passed(user);
    const session = randomUUID();
    pending.set(session, started);
    return [
      200,
      { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: session, ChallengeParameters: {} },
    ];
  };
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      const request = { operation: target.split('.').pop() ?? '', body: JSON.parse(raw || '{}') };
      requests.push(request);
      const [status, json] = answer(request);
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/`,
    requests,
    /** The secret a login registered through MFA_SETUP, if any. */
    secretOf: totp.secretOf,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
