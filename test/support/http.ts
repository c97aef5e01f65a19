/** A tiny HTTP client for end-to-end tests against the local gateway. */
import { randomInt } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { expect } from 'vitest';
import { checkAgainstContract } from './contract.ts';

/**
 * Each test file calls from its own loopback address (Linux routes all of
 * 127.0.0.0/8 to the loopback interface), as separate client machines would:
 * a public route's per-address rate limit then counts one file's calls, not
 * those of every file sharing the stack.
 */
const CLIENT_ADDRESS = `127.${randomInt(1, 255)}.${randomInt(256)}.${randomInt(1, 255)}`;

interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
}

const send = (
  url: string,
  method: string,
  headers: Record<string, string>,
  payload?: string | Buffer
) =>
  new Promise<RawAnswer>((resolve, reject) => {
    const outgoing = { ...headers };
    if (payload !== undefined) outgoing['content-length'] = String(Buffer.byteLength(payload));
    const call = httpRequest(
      url,
      { method, headers: outgoing, localAddress: CLIENT_ADDRESS },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const answerHeaders = new Headers();
          for (const [name, value] of Object.entries(response.headers)) {
            for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
              answerHeaders.append(name, one);
          }
          resolve({
            status: response.statusCode ?? 0,
            headers: answerHeaders,
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
      }
    );
    call.on('error', reject);
    call.end(payload);
  });

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
  const response = await send(`${baseUrl}${path}`, method, headers, payload);
  const text = response.text;
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
