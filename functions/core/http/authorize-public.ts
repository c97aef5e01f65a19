/**
 * The authorizer of public routes: no caller to establish, only the path
 * ids to check. Kept apart from authorize.ts (the live membership and staff
 * checks, which load the table client) so a function serving only public
 * routes, which is given no table, starts without one.
 */
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { NotFoundError } from '../platform/errors.ts';
import { PROBLEM } from '../platform/problem-types.ts';
import type { PorticoContext } from './context.ts';
import { malformedPathId, PATH_PARAMETERS } from './id-shapes.ts';

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;

/**
 * A path id that cannot be one of ours names nothing: the route's own 404,
 * before any read.
 */
export const refuseMalformedPathIds = (event: Event) => {
  const name = malformedPathId(event.pathParameters ?? {});
  if (name !== undefined) throw new NotFoundError(PROBLEM.notFound, PATH_PARAMETERS[name]?.missing);
};

export const authorizePublic = {
  before: (event: Event, context: PorticoContext) => {
    refuseMalformedPathIds(event);
    context.caller = { kind: 'anonymous' };
  },
};
