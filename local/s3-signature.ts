/**
 * Checks a presigned S3 request (SigV4 in the query string) the way S3
 * does: the signature over the method, path, query and signed headers,
 * made with a key the stack knows, and not past `X-Amz-Expires`. The S3
 * emulator checks no signature itself, so the local S3 front (s3.ts) asks
 * this first: an expired, tampered or unsigned link fails locally as it
 * would in AWS. Written from the SigV4 specification, apart from the SDK's
 * signer, so the two check each other.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface SignedRequest {
  method: string;
  /** Path and query as received, still percent-encoded: `/bucket/key?X-Amz-…`. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
}

export type Verdict =
  | { ok: true }
  | {
      ok: false;
      code: 'AccessDenied' | 'InvalidAccessKeyId' | 'SignatureDoesNotMatch';
      message: string;
    };

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** Seven days: the longest a presigned URL may live in S3. */
const MAX_EXPIRES_SECONDS = 604_800;
/** S3 refuses a signature dated this far ahead of its clock. */
const CLOCK_SKEW_MS = 15 * 60 * 1000;

/** RFC 3986 unreserved characters stay; everything else is %XX (SigV4's URI encoding). */
const uriEncode = (value: string) =>
  encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  );

const parseQuery = (query: string): [string, string][] =>
  query
    .split('&')
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf('=');
      const [name, value] = at < 0 ? [pair, ''] : [pair.slice(0, at), pair.slice(at + 1)];
      return [decodeURIComponent(name), decodeURIComponent(value)];
    });

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');
const hmac = (key: Buffer | string, text: string) =>
  createHmac('sha256', key).update(text).digest();

/** `20261205T030326Z` → epoch ms, or NaN. */
const amzDateMs = (value: string) => {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return Number.NaN;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return Date.UTC(y ?? 0, (mo ?? 1) - 1, d, h, mi, s);
};

const denied = (message: string): Verdict => ({ ok: false, code: 'AccessDenied', message });

export const verifyPresigned = (
  request: SignedRequest,
  secrets: ReadonlyMap<string, string>,
  now: Date
): Verdict => {
  const at = request.url.indexOf('?');
  const path = at < 0 ? request.url : request.url.slice(0, at);
  let params: [string, string][];
  try {
    params = parseQuery(at < 0 ? '' : request.url.slice(at + 1));
  } catch {
    return denied('The query string is not valid percent-encoding.');
  }
  const param = (name: string) => params.find(([key]) => key === name)?.[1];
  if (request.headers.authorization !== undefined)
    return denied('Only presigned requests (signed in the query string) are accepted here.');
  if (param('X-Amz-Algorithm') !== ALGORITHM)
    return denied('Anonymous access is forbidden: the bucket is private.');

  const [accessKeyId = '', day = '', region = '', service = '', terminal = ''] = (
    param('X-Amz-Credential') ?? ''
  ).split('/');
  const secret = secrets.get(accessKeyId);
  if (secret === undefined)
    return { ok: false, code: 'InvalidAccessKeyId', message: 'The access key id is not known.' };
  const date = param('X-Amz-Date') ?? '';
  const signedAt = amzDateMs(date);
  const expires = Number(param('X-Amz-Expires'));
  if (
    Number.isNaN(signedAt) ||
    !date.startsWith(day) ||
    service !== 's3' ||
    terminal !== 'aws4_request' ||
    !Number.isInteger(expires) ||
    expires < 1 ||
    expires > MAX_EXPIRES_SECONDS
  )
    return denied('The presigned query parameters are malformed.');
  if (signedAt - now.getTime() > CLOCK_SKEW_MS) return denied('Request is not valid yet.');
  if (now.getTime() > signedAt + expires * 1000) return denied('Request has expired.');

  const signedHeaders = param('X-Amz-SignedHeaders') ?? '';
  const canonicalHeaders = signedHeaders
    .split(';')
    .map((name) => {
      const value = request.headers[name];
      const text = Array.isArray(value) ? value.join(',') : (value ?? '');
      return `${name}:${text.trim().replace(/\s+/g, ' ')}\n`;
    })
    .join('');
  const canonicalQuery = params
    .filter(([name]) => name !== 'X-Amz-Signature')
    .map(([name, value]) => [uriEncode(name), uriEncode(value)] as const)
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const canonicalRequest = [
    request.method.toUpperCase(),
    path,
    canonicalQuery,
    canonicalHeaders,
    signedHeaders,
    param('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD',
  ].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = [ALGORITHM, date, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = [day, region, service, 'aws4_request'].reduce<Buffer | string>(
    (previous, part) => hmac(previous, part),
    `AWS4${secret}`
  );
  const expected = Buffer.from(createHmac('sha256', key).update(stringToSign).digest('hex'));
  const given = Buffer.from(param('X-Amz-Signature') ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return {
      ok: false,
      code: 'SignatureDoesNotMatch',
      message: 'The request signature we calculated does not match the signature you provided.',
    };
  }
  return { ok: true };
};

/** The query without the signing parameters: what the emulator behind the front is given. */
export const withoutSigning = (url: string): string => {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const kept = url
    .slice(at + 1)
    .split('&')
    .filter((pair) => pair && !/^x-amz-/i.test(pair));
  return kept.length ? `${url.slice(0, at)}?${kept.join('&')}` : url.slice(0, at);
};
