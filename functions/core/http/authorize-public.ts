/**
 * The authorizer of public routes: no caller to establish, only the path
 * ids to check. Kept apart from authorize.ts (the live membership and staff
 * checks, which load the table client) so a function serving only public
 * routes, which is given no table, starts without one.
 */
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { NotFoundError } from '../errors.ts';
import { pathIdsAreWellFormed } from '../id-shapes.ts';
import type { PorticoContext } from './context.ts';

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;

/** A path id that cannot be one of ours names nothing: 404, before any read. */
export const refuseMalformedPathIds = (event: Event) => {
  if (!pathIdsAreWellFormed(event.pathParameters ?? {})) throw new NotFoundError();
};

export const authorizePublic = {
  before: (event: Event, context: PorticoContext) => {
    refuseMalformedPathIds(event);
    context.caller = { kind: 'anonymous' };
  },
};
