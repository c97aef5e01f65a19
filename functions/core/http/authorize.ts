/**
 * Per-route middleware: establishes the caller from the verified JWT claims
 * (never from the body or a header) and, for account routes, checks the live
 * membership and the route's permission area.
 */
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { authorizeMember } from '../authorization.ts';
import { NotFoundError, UnauthorizedError } from '../errors.ts';
import type { PorticoContext } from './context.ts';
import type { Access } from './route.ts';

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;

/**
 * The login id is the token's `sub`, put there by the JWT authorizer after
 * verification. The HTTP API authorizer also lets ID tokens through (their
 * `aud` is the client id), so only access tokens are accepted here.
 */
const loginIdFrom = (event: Event): string => {
  const claims = event.requestContext?.authorizer?.jwt?.claims;
  const sub = claims?.sub;
  if (claims?.token_use !== 'access') throw new UnauthorizedError('Use an access token.');
  if (typeof sub !== 'string' || sub === '') throw new UnauthorizedError();
  return sub;
};

export const authorize = (
  access: Access
): MiddlewareObj<Event, unknown, Error, PorticoContext> => ({
  before: async ({ event, context }) => {
    if (access.kind === 'public') {
      context.caller = { kind: 'anonymous' };
      return;
    }
    const loginId = loginIdFrom(event);
    if (access.kind === 'staff') {
      // Only the staff pool's authorizer guards /staff/* routes (lib/constructs/http-api.ts).
      const username = event.requestContext.authorizer.jwt.claims.username;
      context.caller = { kind: 'staff', staffId: loginId, username: String(username ?? loginId) };
      return;
    }
    if (access.kind === 'login') {
      context.caller = { kind: 'login', loginId };
      return;
    }
    const accountId = event.pathParameters?.accountId;
    if (!accountId) throw new NotFoundError();
    const membership = await authorizeMember(loginId, accountId, access);
    context.caller = { kind: 'member', loginId, membership };
  },
});
