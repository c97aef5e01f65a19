/**
 * Objects of one bucket (invoice PDFs, inbound mail and its attachments),
 * reached through presigned URLs only: SigV4 query signing (the S3 request
 * presigner) without the S3 client, which would cost a function ~120 KB of
 * bundle (docs/adr/0002-invoice-pdf.md). A download link is a presigned GET
 * the caller follows; an upload or a read is a presigned request this
 * function sends itself with fetch. Credentials are the function's own
 * (its role's, from the environment).
 */
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { S3RequestPresigner } from '@aws-sdk/s3-request-presigner';
import { now } from '../clock.ts';

/** SHA-256 (HMAC-SHA-256 with a secret) as the signer asks for it, from node:crypto. */
class Sha256 {
  private readonly hash: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    const key =
      secret === undefined || typeof secret === 'string'
        ? secret
        : Buffer.from(ArrayBuffer.isView(secret) ? secret.buffer : secret);
    this.hash = key === undefined ? createHash('sha256') : createHmac('sha256', key);
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(
      typeof data === 'string'
        ? data
        : ArrayBuffer.isView(data)
          ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
          : new Uint8Array(data)
    );
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    throw new Error('not needed by the signer');
  }
}

export interface BucketConfig {
  region: string;
  bucket: string;
  /** Locally the S3 emulator (path-style addresses). */
  endpoint?: string | undefined;
}

/** Headers S3 sets on a download in place of the stored ones (signed with the link). */
export interface ResponseOverrides {
  contentType?: string;
  contentDisposition?: string;
}

/** A presigned PUT: the caller sends exactly these headers with exactly `contentLength` bytes. */
export interface UploadLink {
  url: string;
  headers: { 'content-type': string };
}

export interface BucketFiles {
  /** A link anyone holding it may GET the object through until `expiresIn` seconds have passed. */
  downloadLink(key: string, expiresIn: number, overrides?: ResponseOverrides): Promise<string>;
  /** A link to PUT exactly this type and length under `key` until `expiresIn` seconds have passed. */
  uploadLink(
    key: string,
    expiresIn: number,
    file: { contentType: string; contentLength: number }
  ): Promise<UploadLink>;
  /** Stores the bytes under `key` (replacing what was there). */
  putObject(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The object's bytes, or undefined when there is none; refuses one larger than `maxBytes`. */
  getObject(key: string, maxBytes: number): Promise<Buffer | undefined>;
  /** The object's size and first `count` bytes (one ranged GET), or undefined when there is none. */
  firstBytes(key: string, count: number): Promise<{ size: number; head: Buffer } | undefined>;
  /** Copies an object of this bucket to another key of it (S3 copies; no bytes pass here). */
  copyObject(from: string, to: string): Promise<void>;
}

export class ObjectTooLargeError extends Error {
  constructor(readonly size: number) {
    super(`the object holds ${size} bytes, more than allowed`);
    this.name = 'ObjectTooLargeError';
  }
}

export const bucketFiles = (config: BucketConfig): BucketFiles => {
  const presigner = new S3RequestPresigner({
    region: config.region,
    credentials: fromEnv(),
    sha256: Sha256,
  });

  /** Locally a path-style address on the emulator; in AWS the bucket's virtual-hosted one. */
  const base = new URL(
    config.endpoint
      ? `${config.endpoint.replace(/\/$/, '')}/${config.bucket}/`
      : `https://${config.bucket}.s3.${config.region}.amazonaws.com/`
  );

  interface Presigned {
    method: 'GET' | 'PUT';
    key: string;
    expiresIn: number;
    /** Signed request headers the sender must send as they are. */
    headers?: Record<string, string>;
    /** Signed query parameters (S3's `response-*` overrides). */
    query?: Record<string, string>;
  }

  const presign = async ({ method, key, expiresIn, headers = {}, query = {} }: Presigned) => {
    const url = new URL(key, base);
    const signed = await presigner.presign(
      {
        method,
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port ? Number(url.port) : undefined,
        path: url.pathname,
        query,
        headers: { host: url.host, ...headers },
      },
      {
        // The domain clock (core/platform/clock.ts), so the link's expiry and the `expiresAt` shown agree.
        signingDate: now(),
        expiresIn,
        // Kept as signed headers (the presigner would leave the type unsigned and move x-amz-* to the query).
        signableHeaders: new Set(Object.keys(headers)),
        unhoistableHeaders: new Set(Object.keys(headers)),
      }
    );
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(signed.query ?? {})) {
      for (const one of Array.isArray(value) ? value : [value ?? '']) search.append(name, one);
    }
    // URLSearchParams writes spaces as `+`; SigV4 signed them as `%20`.
    return `${url.origin}${url.pathname}?${search.toString().replaceAll('+', '%20')}`;
  };

  const downloadLink = (key: string, expiresIn: number, overrides: ResponseOverrides = {}) =>
    presign({
      method: 'GET',
      key,
      expiresIn,
      query: {
        ...(overrides.contentType ? { 'response-content-type': overrides.contentType } : {}),
        ...(overrides.contentDisposition
          ? { 'response-content-disposition': overrides.contentDisposition }
          : {}),
      },
    });

  const uploadLink = async (
    key: string,
    expiresIn: number,
    file: { contentType: string; contentLength: number }
  ): Promise<UploadLink> => {
    const headers = { 'content-type': file.contentType };
    const url = await presign({
      method: 'PUT',
      key,
      expiresIn,
      headers: { ...headers, 'content-length': String(file.contentLength) },
    });
    return { url, headers };
  };

  const putObject = async (key: string, body: Buffer, contentType: string) => {
    const response = await fetch(await presign({ method: 'PUT', key, expiresIn: 60 }), {
      method: 'PUT',
      headers: { 'content-type': contentType },
      body,
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`S3 PUT ${key} answered ${response.status}`);
  };

  const getObject = async (key: string, maxBytes: number) => {
    const response = await fetch(await presign({ method: 'GET', key, expiresIn: 60 }));
    if (response.status === 404) {
      await response.arrayBuffer();
      return undefined;
    }
    if (!response.ok) {
      await response.arrayBuffer();
      throw new Error(`S3 GET ${key} answered ${response.status}`);
    }
    const size = Number(response.headers.get('content-length') ?? Number.NaN);
    if (size > maxBytes) {
      await response.body?.cancel();
      throw new ObjectTooLargeError(size);
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > maxBytes) throw new ObjectTooLargeError(bytes.length);
    return bytes;
  };

  const firstBytes = async (key: string, count: number) => {
    const response = await fetch(await presign({ method: 'GET', key, expiresIn: 60 }), {
      headers: { range: `bytes=0-${count - 1}` },
    });
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status === 404) return undefined;
    // An empty object has no first byte to range over.
    if (response.status === 416) return { size: 0, head: Buffer.alloc(0) };
    if (response.status === 200) return { size: body.length, head: body.subarray(0, count) };
    // `Content-Range: bytes 0-63/12345`: the total after the slash.
    const total = Number(/\/(\d+)$/.exec(response.headers.get('content-range') ?? '')?.[1]);
    if (response.status !== 206 || !Number.isSafeInteger(total))
      throw new Error(`S3 ranged GET ${key} answered ${response.status}`);
    return { size: total, head: body };
  };

  const copyObject = async (from: string, to: string) => {
    const source = `/${config.bucket}/${from.split('/').map(encodeURIComponent).join('/')}`;
    const headers = { 'x-amz-copy-source': source };
    const response = await fetch(
      await presign({ method: 'PUT', key: to, expiresIn: 60, headers }),
      {
        method: 'PUT',
        headers,
      }
    );
    // S3 may answer 200 with an error document when a copy fails late.
    const answer = await response.text();
    if (!response.ok || answer.includes('<Error>'))
      throw new Error(`S3 copy to ${to} answered ${response.status}`);
  };

  return { downloadLink, uploadLink, putObject, getObject, firstBytes, copyObject };
};
