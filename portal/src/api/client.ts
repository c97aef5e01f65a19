/**
 * The typed API client: openapi-fetch over the paths generated from
 * docs/openapi.json, with the session's access token on every call.
 */
import createClient from 'openapi-fetch';
import { accessToken, endSession, type Pool, refreshSession } from '../auth/session.ts';
import type { components, paths } from './schema.ts';

export type Problem = components['schemas']['Problem'];
export type Schemas = components['schemas'];

/** An API answer that is a problem+json: its `type` and members drive what the page shows. */
export class ApiProblem extends Error {
  constructor(
    readonly problem: Problem,
    readonly response: Response
  ) {
    super(problem.type);
  }

  /** The last path segment of the problem type (`area-not-granted`, `stale-version`, ...). */
  get code(): string {
    return this.problem.type.split('/').pop() ?? 'unknown';
  }
}

export type Api = ReturnType<typeof createClient<paths>>;

const poolOf = (url: string): Pool =>
  new URL(url).pathname.startsWith('/staff/') ? 'staff' : 'client';

export const createApi = (baseUrl: string): Api => {
  const api = createClient<paths>({ baseUrl });
  api.use({
    async onRequest({ request }) {
      const token = await accessToken(poolOf(request.url));
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  });
  return api;
};

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Where a response's problem comes from when the gateway answers `{ message }` (401/404 in AWS). */
const toProblem = (error: unknown, response: Response): Problem => {
  const body = (error ?? {}) as Partial<Problem>;
  return {
    type: body.type ?? `about:blank/${response.status}`,
    title: body.title ?? response.statusText,
    status: body.status ?? response.status,
    detail: body.detail ?? '',
    ...body,
  };
};

/**
 * Runs one call; a 401 gets one refresh and one retry, then the session
 * ends (the sign-in page takes over). Any other error becomes an ApiProblem.
 */
export const call = async <T>(
  pool: Pool,
  send: () => Promise<Answer<T>>
): Promise<{ data: T; response: Response }> => {
  let answer = await send();
  if (answer.response.status === 401 && (await refreshSession(pool))) answer = await send();
  if (answer.response.status === 401) endSession(pool);
  if (answer.error !== undefined || !answer.response.ok) {
    throw new ApiProblem(toProblem(answer.error, answer.response), answer.response);
  }
  return { data: answer.data as T, response: answer.response };
};
