/**
 * The import command's side of the staff API: signing in to the staff user
 * pool the API names in `GET /config`, and sending requests with a bounded
 * retry for what is worth retrying (throttling, 5xx, network), which is
 * safe because every load is idempotent.
 */
import {
  type AuthenticationResultType,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  type InitiateAuthCommandOutput,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';

export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
}

export interface StaffApi {
  send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ApiAnswer>;
}

export class ImportSetupError extends Error {}

interface StaffPoolConfig {
  region: string;
  cognitoEndpoint?: string;
  staff?: { userPoolId: string; userPoolClientId: string };
}

export interface Credentials {
  username: string;
  password: string;
  /** The authenticator app's current code, asked for only when the pool wants MFA. */
  mfaCode?: () => string;
}

export interface Session {
  accessToken: string;
  /** Gets a fresh access token (refresh token flow), or undefined when it cannot. */
  refresh(): Promise<string | undefined>;
}

const readPoolConfig = async (apiUrl: string): Promise<StaffPoolConfig> => {
  let response: Response;
  try {
    response = await fetch(`${apiUrl}/config`, { signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new ImportSetupError(
      `cannot reach the API at ${apiUrl} (${(error as Error).message}); is \`npm start\` running, or is --api-url right?`
    );
  }
  if (!response.ok) throw new ImportSetupError(`GET ${apiUrl}/config answered ${response.status}`);
  const config = (await response.json()) as StaffPoolConfig;
  if (!config.staff?.userPoolClientId) {
    throw new ImportSetupError(`the API at ${apiUrl} names no staff user pool in GET /config`);
  }
  return config;
};

const tokensOf = (output: InitiateAuthCommandOutput, credentials: Credentials) => {
  if (output.AuthenticationResult?.AccessToken) return output.AuthenticationResult;
  switch (output.ChallengeName) {
    case 'SOFTWARE_TOKEN_MFA':
      if (!credentials.mfaCode)
        throw new ImportSetupError(
          'the staff pool asks for a TOTP code: pass --mfa-code (or PORTICO_MFA_CODE), or the secret with PORTICO_STAFF_TOTP_SECRET'
        );
      return undefined;
    case 'NEW_PASSWORD_REQUIRED':
      throw new ImportSetupError(
        `${credentials.username} must set a new password first: sign in once and change it`
      );
    case 'MFA_SETUP':
      throw new ImportSetupError(`${credentials.username} must set up MFA first: sign in once`);
    default:
      throw new ImportSetupError(`sign-in stopped at an unexpected step: ${output.ChallengeName}`);
  }
};

/** Signs a staff member in with USER_PASSWORD_AUTH (and an MFA code when the pool asks). */
export const signInStaff = async (apiUrl: string, credentials: Credentials): Promise<Session> => {
  const config = await readPoolConfig(apiUrl);
  const clientId = config.staff?.userPoolClientId ?? '';
  const cognito = new CognitoIdentityProviderClient({
    region: config.region,
    ...(config.cognitoEndpoint ? { endpoint: config.cognitoEndpoint } : {}),
    maxAttempts: 1,
  });
  let result: AuthenticationResultType | undefined;
  try {
    const started = await cognito.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: credentials.username, PASSWORD: credentials.password },
      })
    );
    result = tokensOf(started, credentials);
    if (!result) {
      const answered = await cognito.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: started.Session,
          ChallengeResponses: {
            USERNAME: credentials.username,
            SOFTWARE_TOKEN_MFA_CODE: credentials.mfaCode?.() ?? '',
          },
        })
      );
      result = answered.AuthenticationResult;
    }
  } catch (error) {
    if (error instanceof ImportSetupError) throw error;
    throw new ImportSetupError(
      `staff sign-in as ${credentials.username} failed: ${(error as Error).message}`
    );
  }
  const accessToken = result?.AccessToken;
  if (!accessToken) throw new ImportSetupError('staff sign-in returned no access token');
  const refreshToken = result?.RefreshToken;
  return {
    accessToken,
    refresh: async () => {
      if (!refreshToken) return undefined;
      const refreshed = await cognito.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: refreshToken },
        })
      );
      return refreshed.AuthenticationResult?.AccessToken;
    },
  };
};

const RETRYABLE = new Set([429, 500, 502, 503, 504]);
const MAX_ATTEMPTS = 4;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The staff API over HTTP with a session; a 401 (expired token) refreshes it once. */
export const httpStaffApi = (apiUrl: string, session: Session): StaffApi => {
  let token = session.accessToken;
  const attempt = async (method: string, path: string, body: unknown): Promise<ApiAnswer> => {
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    let parsed: Record<string, unknown> = {};
    try {
      parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      parsed = { detail: text.slice(0, 200) };
    }
    return { status: response.status, body: parsed };
  };
  return {
    send: async (method, path, body) => {
      let refreshed = false;
      for (let tries = 1; ; tries++) {
        let answer: ApiAnswer | undefined;
        try {
          answer = await attempt(method, path, body);
        } catch (error) {
          if (tries >= MAX_ATTEMPTS) throw error;
        }
        if (answer?.status === 401 && !refreshed) {
          refreshed = true;
          token = (await session.refresh().catch(() => undefined)) ?? token;
          continue;
        }
        if (answer && (!RETRYABLE.has(answer.status) || tries >= MAX_ATTEMPTS)) return answer;
        await sleep(250 * 2 ** (tries - 1));
      }
    },
  };
};
