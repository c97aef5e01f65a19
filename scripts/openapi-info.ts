/**
 * What the OpenAPI document says besides the routes: who runs the API,
 * where it is served, its tags and how its tokens are checked. Each
 * sentence here must stay true of the code it names.
 */
import { FUNCTION_NAMES, type FunctionName } from '../functions/routes.ts';

export const INFO = {
  title: 'Portico client-area API',
  version: '0.1.0',
  description:
    'Accounts, contacts, sub-accounts, services and tickets of a hosting client area. ' +
    'Errors are application/problem+json (RFC 9457).',
  contact: { name: 'Portico operators', url: 'https://portico.example' },
};

/** `cdk deploy` prints the stage's URL as the API stack's `ApiUrl` output (lib/api-stack.ts). */
export const SERVERS = [
  {
    url: 'https://{apiId}.execute-api.{region}.amazonaws.com',
    description:
      'A deployed stage, prod or dev (the ApiUrl output of its API stack; the $default stage, so no path prefix).',
    variables: {
      apiId: { default: 'a1b2c3d4e5', description: 'The id of the stage’s HTTP API.' },
      region: { default: 'eu-central-1', description: 'The AWS region the stage runs in.' },
    },
    'x-internal': false,
  },
  {
    url: 'http://127.0.0.1:3000',
    description:
      'The local stack of `npm start` (emulators and demo data, PORT 3000 by default), on this machine only.',
    'x-internal': true,
  },
];

/** One tag per Lambda function (the area folders under functions/). */
const TAG_DESCRIPTIONS: Record<FunctionName, string> = {
  public: 'Before login: liveness and what a portal needs to sign in.',
  me: 'The signed-in login: its accounts, invitations, own email, password suggestions; and the staff login behind a staff token.',
  account: '“My Details”, the account and its audit trail.',
  contacts: 'The contacts of an account, and the caller’s own contact.',
  logins: 'Sub-account logins, and the login request of a holder whose account operators loaded.',
  services: 'Services and domains, and who supports them.',
  tickets: 'Support tickets, for customers and for the helpdesk.',
  billing: 'Invoices and usage (VoIP calls, serverhousing traffic).',
  staff: 'Operators loading accounts, services, invoices and usage.',
};

export const TAGS = FUNCTION_NAMES.map((name) => ({
  name,
  description: TAG_DESCRIPTIONS[name],
}));

/**
 * What both JWT authorizers check: API Gateway's (lib/constructs/http-api.ts),
 * the local gateway's (local/gateway-auth.ts), then the function's
 * (functions/core/http/authorize.ts).
 */
const TOKEN_CHECKS =
  'Token checks follow RFC8725 (JSON Web Token Best Current Practices): ' +
  'the signature is verified with the pool’s published keys (JWKS, matched by `kid`) and only the RSA algorithm of those keys (RS256) is accepted, never `none` or a shared-secret algorithm (§3.1, §3.2); ' +
  'the issuer must be the pool and `client_id` the app client named below (§3.8, §3.9); ' +
  '`exp` is enforced, along with `nbf` and `iat` where present, and access tokens live 60 minutes; ' +
  '`token_use` must be `access`, so an ID token of the same pool opens nothing (§3.12); ' +
  'the caller is the token’s `sub` alone, and what it may do is read live on every request, never from the token’s claims (§3.10).';

export const SECURITY_SCHEMES = {
  cognito: {
    type: 'http' as const,
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: `A Cognito access token of the client user pool, issued to the portal's app client (see GET /config). ${TOKEN_CHECKS} A login's membership of the account in the path is read on every request, so a suspended or removed login is refused before its token expires.`,
  },
  cognitoStaff: {
    type: 'http' as const,
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: `A Cognito access token of the staff user pool, issued to the staff console's app client (\`staff\` in GET /config; password and TOTP). Only /staff/* routes accept it. ${TOKEN_CHECKS} The function checks \`client_id\` again, and reads the staff login's item on every request, so a disabled or removed staff login is refused before its token expires.`,
  },
};
