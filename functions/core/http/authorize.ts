/**
 * Per-route middleware: establishes the caller from the verified JWT claims
 * (never from the body or a header), for staff routes checks the token is
 * the staff console's and the live staff item, and for account routes checks
 * the live membership and the route's permission area.
 */
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { authorizeMember, authorizeStaff } from '../access/authorization.ts';
import { readStaffPoolConfig } from '../platform/config.ts';
import { NotFoundError, UnauthorizedError } from '../platform/errors.ts';
import { logger } from '../platform/observability.ts';
import { PROBLEM } from '../platform/problem-types.ts';
import { tableStore } from '../table/function-store.ts';
import { authorizePublic, refuseMalformedPathIds } from './authorize-public.ts';
import type { PorticoContext } from './context.ts';
import { malformedPathId } from './id-shapes.ts';
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
  if (claims?.token_use !== 'access')
    throw new UnauthorizedError(PROBLEM.accessTokenRequired, 'Use an access token.');
  if (typeof sub !== 'string' || sub === '') throw new UnauthorizedError(PROBLEM.unauthorized);
  return sub;
};

/**
 * When the session began. Cognito keeps the first sign-in's `auth_time` in
 * tokens minted from a refresh token, so a session that predates a
 * password takeover stays old however often it refreshes.
 */
const authTimeFrom = (event: Event): number => {
  const value = Number(event.requestContext?.authorizer?.jwt?.claims?.auth_time);
  return Number.isFinite(value) ? value : 0;
};

/**
 * The staff pool's authorizer already guards `/staff/*` (lib/constructs/http-api.ts);
 * checking the token's app client here as well means a misrouted or
 * misconfigured authorizer still lets no client-pool token through.
 */
const staffCallerFrom = (event: Event, staffId: string, staffClientId: string) => {
  const { claims } = event.requestContext.authorizer.jwt;
  if (claims.client_id !== staffClientId)
    throw new UnauthorizedError(PROBLEM.staffTokenRequired, 'Use a staff access token.');
  const username = typeof claims.username === 'string' && claims.username ? claims.username : '';
  return { kind: 'staff' as const, staffId, username: username || staffId };
};

/**
 * The check of a `liveCheck: 'shared-read'` route, made by the route's own
 * read. Once per request: a second call is a bug in the route, not a retry.
 */
const sharedReadStaffCheck = (staffId: string): NonNullable<PorticoContext['staffCheck']> => {
  let state: 'unread' | 'reading' | 'done' = 'unread';
  return {
    get done() {
      return state === 'done';
    },
    read: async (keys) => {
      if (state !== 'unread') throw new Error('The staff check is read once per request.');
      state = 'reading';
      const items = await authorizeStaff(staffId, keys, tableStore);
      state = 'done';
      return items;
    },
  };
};

/** The account a route names (well formed, checked before): on every line, refused requests too. */
const appendAccountId = (event: Event) => {
  const accountId = event.pathParameters?.accountId;
  if (accountId) logger.appendKeys({ accountId });
};

export const authorize = (access: Access): MiddlewareObj<Event, unknown, Error, PorticoContext> => {
  // Read when the handler is built (cold start): a function serving staff routes without the staff pool env fails at once.
  const staffClientId =
    access.kind === 'staff' ? readStaffPoolConfig().userPoolClientId : undefined;
  return {
    before: async ({ event, context }) => {
      if (access.kind === 'public') return authorizePublic.before(event, context);
      const loginId = loginIdFrom(event);
      // From here on every line of the request names who asked (a staff login's id on staff routes).
      logger.appendKeys({ loginId, ...(access.kind === 'staff' && { caller: 'staff' }) });
      if (access.kind === 'staff') {
        // '' (never read) matches no token's client_id.
        const caller = staffCallerFrom(event, loginId, staffClientId ?? '');
        // The live check: here, or in the same call as a read the route makes anyway.
        if (access.liveCheck !== 'shared-read') await authorizeStaff(loginId, [], tableStore);
        else if (malformedPathId(event.pathParameters ?? {}) !== undefined)
          await authorizeStaff(loginId, [], tableStore); // a disabled staff login hears 401 before any 404
        else context.staffCheck = sharedReadStaffCheck(loginId);
        refuseMalformedPathIds(event);
        appendAccountId(event);
        context.caller = caller;
        return;
      }
      // Before the membership read: a malformed id never reaches a key.
      refuseMalformedPathIds(event);
      appendAccountId(event);
      const authTime = authTimeFrom(event);
      if (access.kind === 'login') {
        context.caller = { kind: 'login', loginId, authTime };
        return;
      }
      const accountId = event.pathParameters?.accountId;
      if (!accountId) throw new NotFoundError(PROBLEM.notFound);
      const membership = await authorizeMember(
        loginId,
        accountId,
        access.kind === 'self' ? { area: null } : access,
        authTime,
        tableStore
      );
      context.caller = { kind: 'member', loginId, authTime, membership };
    },
    // Fails closed: a shared-read route that answered without its read never checked its caller.
    after: ({ context }) => {
      if (context.staffCheck && !context.staffCheck.done) {
        throw new Error('A staff route answered without the live staff check.');
      }
    },
  };
};
