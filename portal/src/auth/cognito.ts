/**
 * The Cognito user-pool calls a client area makes, as plain JSON requests
 * (the AWS SDK would triple the bundle for a handful of operations). Sign-in uses the
 * flow the pool's app client allows: SRP in AWS (./srp.ts, loaded on demand),
 * the password flow with the local emulator, which has no SRP.
 */

/** `srp`: USER_SRP_AUTH, the password never leaves the browser; `password`: USER_PASSWORD_AUTH. */
export type SignInFlow = 'srp' | 'password';

/** One pool's app client, as the portal's configuration names it. */
export interface PoolSettings {
  clientId: string;
  userPoolId: string;
  signInFlow: SignInFlow;
}

export interface Tokens {
  accessToken: string;
  refreshToken?: string;
  expiresAt: number;
}

/**
 * A challenge names the `username` its answer must carry: with SRP that is
 * Cognito's USER_ID_FOR_SRP, not the address typed.
 */
export type SignInStep =
  | { kind: 'signed-in'; tokens: Tokens }
  | { kind: 'new-password'; session: string; username: string }
  | { kind: 'totp'; session: string; username: string }
  | { kind: 'totp-setup'; session: string; username: string };

/** What AssociateSoftwareToken answers: the authenticator's secret (base32) and the session to verify with. */
export interface TotpSecret {
  secretCode: string;
  session: string;
}

/** A Cognito error, named by its `__type` (NotAuthorizedException, CodeMismatchException, ...). */
export class CognitoError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

interface AuthResult {
  AccessToken: string;
  RefreshToken?: string;
  /** Seconds; AWS always answers it, the local emulator leaves it out. */
  ExpiresIn?: number;
}

interface InitiateAnswer {
  AuthenticationResult?: AuthResult;
  ChallengeName?: string;
  ChallengeParameters?: Record<string, string>;
  Session?: string;
}

export const cognitoCall = async <T>(
  endpoint: string,
  operation: string,
  body: Record<string, unknown>
): Promise<T> => {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const json = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  if (!response.ok) {
    const type = String(json.__type ?? json.code ?? 'UnknownError');
    throw new CognitoError(type.split('#').pop() ?? type);
  }
  return json as T;
};

/**
 * The `exp` claim of a JWT in milliseconds (read, not verified: the API
 * verifies it); a token without one counts as ending now, so it is refreshed.
 */
const expiryOf = (token: string): number => {
  try {
    const payload = (token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/');
    const exp = Number((JSON.parse(atob(payload)) as { exp?: unknown }).exp);
    return Number.isFinite(exp) ? exp * 1000 : Date.now();
  } catch {
    return Date.now();
  }
};

/** When the answer has no ExpiresIn, the access token's own `exp` says when it ends. */
const toTokens = (result: AuthResult, refreshToken?: string): Tokens => ({
  accessToken: result.AccessToken,
  refreshToken: result.RefreshToken ?? refreshToken,
  expiresAt:
    result.ExpiresIn === undefined
      ? expiryOf(result.AccessToken)
      : Date.now() + result.ExpiresIn * 1000,
});

const step = (answer: InitiateAnswer, username: string): SignInStep => {
  if (answer.AuthenticationResult) {
    return { kind: 'signed-in', tokens: toTokens(answer.AuthenticationResult) };
  }
  const session = answer.Session ?? '';
  if (answer.ChallengeName === 'NEW_PASSWORD_REQUIRED') {
    return { kind: 'new-password', session, username };
  }
  if (answer.ChallengeName === 'SOFTWARE_TOKEN_MFA') return { kind: 'totp', session, username };
  if (answer.ChallengeName === 'MFA_SETUP') return { kind: 'totp-setup', session, username };
  throw new CognitoError(`Unsupported challenge ${answer.ChallengeName ?? ''}`);
};

/**
 * USER_SRP_AUTH: InitiateAuth with SRP_A, then the PASSWORD_VERIFIER answer
 * signed with the password; later challenges go by USER_ID_FOR_SRP.
 */
const signInWithSrp = async (
  endpoint: string,
  pool: PoolSettings,
  username: string,
  password: string
): Promise<SignInStep> => {
  const { startSrp } = await import('./srp.ts');
  const srp = await startSrp(pool.userPoolId);
  const first = await cognitoCall<InitiateAnswer>(endpoint, 'InitiateAuth', {
    AuthFlow: 'USER_SRP_AUTH',
    ClientId: pool.clientId,
    AuthParameters: { USERNAME: username, SRP_A: srp.srpA },
  });
  if (first.ChallengeName !== 'PASSWORD_VERIFIER') return step(first, username);
  const challenge = first.ChallengeParameters ?? {};
  const responses = await srp.answer(
    {
      SRP_B: challenge.SRP_B ?? '',
      SALT: challenge.SALT ?? '',
      SECRET_BLOCK: challenge.SECRET_BLOCK ?? '',
      USER_ID_FOR_SRP: challenge.USER_ID_FOR_SRP ?? username,
    },
    password
  );
  const answer = await cognitoCall<InitiateAnswer>(endpoint, 'RespondToAuthChallenge', {
    ClientId: pool.clientId,
    ChallengeName: 'PASSWORD_VERIFIER',
    Session: first.Session,
    ChallengeResponses: responses,
  });
  return step(answer, responses.USERNAME);
};

export const createCognito = (endpoint: string, pool: PoolSettings) => {
  const { clientId } = pool;
  /** A challenge answered as the login Cognito named in it (its SRP user id after an SRP step). */
  const answer = async (
    challenge: 'NEW_PASSWORD_REQUIRED' | 'SOFTWARE_TOKEN_MFA' | 'MFA_SETUP',
    username: string,
    session: string,
    responses: Record<string, string>
  ) =>
    step(
      await cognitoCall<InitiateAnswer>(endpoint, 'RespondToAuthChallenge', {
        ClientId: clientId,
        ChallengeName: challenge,
        Session: session,
        ChallengeResponses: { USERNAME: username, ...responses },
      }),
      username
    );
  return {
    signIn: async (username: string, password: string): Promise<SignInStep> =>
      pool.signInFlow === 'srp'
        ? signInWithSrp(endpoint, pool, username, password)
        : step(
            await cognitoCall<InitiateAnswer>(endpoint, 'InitiateAuth', {
              AuthFlow: 'USER_PASSWORD_AUTH',
              ClientId: clientId,
              AuthParameters: { USERNAME: username, PASSWORD: password },
            }),
            username
          ),
    answerNewPassword: (username: string, session: string, password: string) =>
      answer('NEW_PASSWORD_REQUIRED', username, session, { NEW_PASSWORD: password }),
    answerTotp: (username: string, session: string, code: string) =>
      answer('SOFTWARE_TOKEN_MFA', username, session, { SOFTWARE_TOKEN_MFA_CODE: code }),
    /** MFA_SETUP, first half: a new secret for the authenticator app, from the challenge's session. */
    setUpTotp: async (session: string): Promise<TotpSecret> => {
      const answer = await cognitoCall<{ SecretCode?: string; Session?: string }>(
        endpoint,
        'AssociateSoftwareToken',
        { Session: session }
      );
      if (!answer.SecretCode || !answer.Session)
        throw new CognitoError('InvalidParameterException');
      return { secretCode: answer.SecretCode, session: answer.Session };
    },
    /**
     * MFA_SETUP, second half: the app's first code registers it (a wrong one is
     * EnableSoftwareTokenMFAException, and the same session may try again), then
     * the session VerifySoftwareToken answers completes the challenge.
     */
    confirmTotp: async (username: string, session: string, code: string, deviceName?: string) => {
      const verified = await cognitoCall<{ Status?: string; Session?: string }>(
        endpoint,
        'VerifySoftwareToken',
        {
          Session: session,
          UserCode: code,
          ...(deviceName ? { FriendlyDeviceName: deviceName } : {}),
        }
      );
      if (verified.Status !== 'SUCCESS' || !verified.Session) {
        throw new CognitoError('EnableSoftwareTokenMFAException');
      }
      return answer('MFA_SETUP', username, verified.Session, {});
    },
    refresh: async (refreshToken: string): Promise<Tokens> => {
      const answer = await cognitoCall<InitiateAnswer>(endpoint, 'InitiateAuth', {
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: clientId,
        AuthParameters: { REFRESH_TOKEN: refreshToken },
      });
      if (!answer.AuthenticationResult) throw new CognitoError('NotAuthorizedException');
      return toTokens(answer.AuthenticationResult, refreshToken);
    },
    revoke: (refreshToken: string) =>
      cognitoCall(endpoint, 'RevokeToken', { ClientId: clientId, Token: refreshToken }),
    forgotPassword: (username: string) =>
      cognitoCall(endpoint, 'ForgotPassword', { ClientId: clientId, Username: username }),
    confirmForgotPassword: (username: string, code: string, password: string) =>
      cognitoCall(endpoint, 'ConfirmForgotPassword', {
        ClientId: clientId,
        Username: username,
        ConfirmationCode: code,
        Password: password,
      }),
    changePassword: (accessToken: string, previous: string, proposed: string) =>
      cognitoCall(endpoint, 'ChangePassword', {
        AccessToken: accessToken,
        PreviousPassword: previous,
        ProposedPassword: proposed,
      }),
  };
};

export type Cognito = ReturnType<typeof createCognito>;
