/**
 * The HTTP API JWT authorizers, locally: the bearer token must be an access
 * token signed by the pool's key (JWKS), with the pool's issuer, issued to
 * the pool's app client (`client_id`; Cognito access tokens carry no `aud`)
 * and not expired. One authorizer per pool: the client pool's for portal
 * routes, the staff pool's for `/staff/*`, chosen per route as the CDK stack does. Claims reach the handler as API Gateway passes
 * them: every value a string, arrays as `[a b]`, null values left out.
 */
import { JwtRsaVerifier } from 'aws-jwt-verify';
import { JwtBaseError, JwtExpiredError } from 'aws-jwt-verify/error';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import type { LocalStackInfo } from '../scripts/local-stack/env.ts';

export type AuthorizerStack = Pick<
  LocalStackInfo,
  | 'issuer'
  | 'jwksUri'
  | 'userPoolClientId'
  | 'staffIssuer'
  | 'staffJwksUri'
  | 'staffUserPoolClientId'
>;

/** What one authorizer trusts: a pool (issuer and keys) and its app client. */
export interface TrustedPool {
  issuer: string;
  jwksUri: string;
  clientId: string;
}

export const trustedPools = (stack: AuthorizerStack): Record<'client' | 'staff', TrustedPool> => ({
  client: { issuer: stack.issuer, jwksUri: stack.jwksUri, clientId: stack.userPoolClientId },
  staff: {
    issuer: stack.staffIssuer,
    jwksUri: stack.staffJwksUri,
    clientId: stack.staffUserPoolClientId,
  },
});

export interface JwtAuthorizerContext {
  claims: Record<string, string>;
  /** Routes declare no authorizationScopes, and then API Gateway sends null. */
  scopes: string[] | null;
}

export type AuthorizerResult =
  | { ok: true; authorizer: JwtAuthorizerContext }
  | { ok: false; detail: string; wwwAuthenticate: string };

const claimValue = (value: unknown): string | undefined => {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return `[${value.map((v) => String(v)).join(' ')}]`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

/** API Gateway's rendering of a verified payload. */
export const toApiGatewayClaims = (payload: JwtPayload): Record<string, string> =>
  Object.fromEntries(
    Object.entries(payload).flatMap(([name, value]) => {
      const rendered = claimValue(value);
      return rendered === undefined ? [] : [[name, rendered]];
    })
  );

const refuse = (detail: string, description?: string): AuthorizerResult => ({
  ok: false,
  detail,
  wwwAuthenticate: description
    ? `Bearer error="invalid_token", error_description="${description}"`
    : 'Bearer',
});

/**
 * aws-jwt-verify's own fetcher only speaks https; the emulator serves its
 * JWKS over http, so fetch it with the runtime's fetch instead.
 */
const httpJwksCache = () =>
  new SimpleJwksCache({
    fetcher: {
      fetch: async (uri) => {
        const response = await fetch(uri, { signal: AbortSignal.timeout(5000) });
        if (!response.ok) throw new Error(`GET ${uri} answered ${response.status}`);
        return response.arrayBuffer();
      },
    },
  });

/** A claim check of ours failed: the token's fault, like aws-jwt-verify's own errors. */
class ClaimRefusedError extends Error {}

export const createJwtAuthorizer = (pool: TrustedPool) => {
  const verifier = JwtRsaVerifier.create(
    {
      issuer: pool.issuer,
      jwksUri: pool.jwksUri,
      audience: null,
      customJwtCheck: ({ payload }) => {
        if (payload.token_use !== 'access') throw new ClaimRefusedError('not an access token');
        if (payload.client_id !== pool.clientId)
          throw new ClaimRefusedError('issued to another client');
      },
    },
    { jwksCache: httpJwksCache() }
  );

  return async (authorization: string | undefined): Promise<AuthorizerResult> => {
    // Like API Gateway, accept the token with or without the Bearer prefix.
    const token = authorization?.replace(/^Bearer\s+/i, '').trim();
    if (!token) {
      return refuse('Send an access token in the Authorization header: "Bearer <token>".');
    }
    try {
      const payload = await verifier.verify(token);
      return { ok: true, authorizer: { claims: toApiGatewayClaims(payload), scopes: null } };
    } catch (error) {
      if (!(error instanceof JwtBaseError || error instanceof ClaimRefusedError)) {
        // Not the token's fault (e.g. the JWKS could not be fetched): say so where the developer looks.
        process.stderr.write(`portico gateway: could not check a token: ${String(error)}\n`);
      }
      if (error instanceof JwtExpiredError) {
        return refuse('The access token has expired; sign in again.', 'the token has expired');
      }
      return refuse('The access token is not valid for this API.', 'the token is not valid');
    }
  };
};
