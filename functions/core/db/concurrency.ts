/**
 * Optimistic concurrency as the API contract states it: a stale `If-Match`
 * is 412, a stale `version` in the body is 409.
 */
import { ConflictError, PreconditionFailedError } from '../platform/errors.ts';
import { PROBLEM } from '../platform/problem-types.ts';

/** Which version the caller says it read, and where it said so. */
export interface VersionClaim {
  ifMatch?: number;
  bodyVersion?: number;
}

/** A write that lost a race after its version check: 412 if it sent `If-Match`, else 409. */
export const staleError = (claim: VersionClaim) =>
  claim.ifMatch !== undefined
    ? new PreconditionFailedError(PROBLEM.staleVersion)
    : new ConflictError(
        PROBLEM.changedMeanwhile,
        'The resource changed since you read it; fetch it again and retry.'
      );

export const checkVersion = (current: number, claim: VersionClaim) => {
  if (claim.ifMatch !== undefined && claim.ifMatch !== current)
    throw new PreconditionFailedError(PROBLEM.staleVersion, current);
  if (claim.bodyVersion !== undefined && claim.bodyVersion !== current)
    throw new ConflictError(
      PROBLEM.staleBodyVersion,
      'The resource changed since you read it; fetch it again and retry.'
    );
};
