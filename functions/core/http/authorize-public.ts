/**
 * The authorizer of public routes: no caller to establish, only the path
 * ids to bound. Kept apart from authorize.ts (the live membership and staff
 * checks, which load the table client) so a function serving only public
 * routes, which is given no table, starts without one.
 */
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { NotFoundError } from '../errors.ts';
import type { PorticoContext } from './context.ts';

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;

/**
 * Ids this API hands out (UUIDs, ULIDs, operators' external ids and invoice
 * numbers) are at most 100 characters. A longer path id names nothing, and
 * in a key it could pass DynamoDB's key size limits (an error, not a miss).
 */
const MAX_PATH_ID_BYTES = 256;

export const refuseOversizedPathIds = (event: Event) => {
  for (const value of Object.values(event.pathParameters ?? {})) {
    if (value !== undefined && Buffer.byteLength(value) > MAX_PATH_ID_BYTES) {
      throw new NotFoundError();
    }
  }
};

export const authorizePublic = {
  before: (event: Event, context: PorticoContext) => {
    refuseOversizedPathIds(event);
    context.caller = { kind: 'anonymous' };
  },
};
