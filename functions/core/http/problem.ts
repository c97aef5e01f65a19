/**
 * Turns any error into an RFC 9457 problem+json response. Domain errors and
 * middy's exposed 4xx errors keep their message; anything else becomes a
 * generic 500 so internals never leak.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError } from '../platform/errors.ts';
import { genericProblemOf, PROBLEM, problemTypeUri } from '../platform/problem-types.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9111: no cache (browser, proxy, CDN) keeps a copy of the response. */
export const NO_STORE = 'no-store';

interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  [extension: string]: unknown;
}

export const problemFromError = (error: unknown): Problem => {
  if (error instanceof DomainError && error.expose) {
    return {
      type: error.type,
      title: error.title,
      status: error.statusCode,
      detail: error.message,
      ...error.extensions,
    };
  }
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  const exposed = (error as { expose?: unknown } | null)?.expose;
  if (typeof status === 'number' && status >= 400 && status < 500 && exposed !== false) {
    const generic = genericProblemOf(status);
    return {
      type: problemTypeUri(generic),
      title: generic.title,
      status,
      detail: (error as Error).message,
    };
  }
  const { internalError } = PROBLEM;
  return {
    type: problemTypeUri(internalError),
    title: internalError.title,
    status: internalError.status,
    detail: 'Something went wrong on our side. Try again later.',
  };
};

/**
 * Problems are never stored by caches: they answer one caller's request
 * and often name what that caller may do (`allowedAreas`, `grantedBy`).
 */
export const problemResponse = (problem: Problem): APIGatewayProxyStructuredResultV2 => {
  const headers: Record<string, string> = {
    'content-type': PROBLEM_CONTENT_TYPE,
    'cache-control': NO_STORE,
  };
  // A rate limit says when to come back in the header clients and proxies read (RFC 9110).
  const { retryAfterSeconds } = problem;
  if (typeof retryAfterSeconds === 'number' && retryAfterSeconds > 0)
    headers['retry-after'] = String(Math.ceil(retryAfterSeconds));
  // A stale If-Match learns the version there is now, as the ETag it would have read.
  const { currentVersion } = problem;
  if (typeof currentVersion === 'number') headers.etag = `"${currentVersion}"`;
  return { statusCode: problem.status, headers, body: JSON.stringify(problem) };
};
