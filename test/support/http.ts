/** A tiny HTTP client for end-to-end tests against the local gateway. */
import { expect } from 'vitest';
import { checkAgainstContract } from './contract.ts';

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
  text: string;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
}

export const callApi = async (
  baseUrl: string,
  method: string,
  path: string,
  options: CallOptions = {}
): Promise<ApiResponse> => {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let payload: string | Buffer | undefined = options.rawBody;
  if (options.body !== undefined) {
    payload = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: payload });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = {};
  }
  const answer = { status: response.status, headers: response.headers, body, text };
  const violations = checkAgainstContract(method, path, answer);
  if (violations.length > 0) {
    throw new Error(`Response outside the contract:\n- ${violations.join('\n- ')}\n${text}`);
  }
  return answer;
};

/**
 * Every page of a list, following its cursor from the first page to the
 * last (or `maxPages`), each expected to answer 200. `page` gets the query
 * suffix to append: '' for the first page, `&cursor=…` after that.
 */
export const readPages = async <T>(
  page: (andCursor: string) => Promise<ApiResponse>,
  maxPages = Number.POSITIVE_INFINITY
): Promise<T[][]> => {
  const pages: T[][] = [];
  let cursor: string | null = null;
  do {
    const response = await page(cursor ? `&cursor=${cursor}` : '');
    expect(response.status, response.text).toBe(200);
    pages.push(response.body.items as T[]);
    cursor = response.body.cursor as string | null;
  } while (cursor && pages.length < maxPages);
  return pages;
};
