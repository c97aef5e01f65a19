/**
 * Optimistic concurrency as the API contract states it: a stale `If-Match`
 * is 412, a stale `version` in the body is 409.
 */
import { ConflictError, PreconditionFailedError } from './errors.ts';

/** Which version the caller says it read, and where it said so. */
export interface VersionClaim {
  ifMatch?: number;
  bodyVersion?: number;
}

export const staleError = (claim: VersionClaim) =>
  claim.ifMatch !== undefined
    ? new PreconditionFailedError()
    : new ConflictError('The resource changed since you read it; fetch it again and retry.');

export const checkVersion = (current: number, claim: VersionClaim) => {
  if (claim.ifMatch !== undefined && claim.ifMatch !== current)
    throw new PreconditionFailedError(current);
  if (claim.bodyVersion !== undefined && claim.bodyVersion !== current) throw staleError({});
};
