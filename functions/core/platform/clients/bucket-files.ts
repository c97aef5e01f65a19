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

export interface BucketFiles {
  /** A link anyone holding it may GET the object through until `expiresIn` seconds have passed. */
  downloadLink(key: string, expiresIn: number): Promise<string>;
  /** Stores the bytes under `key` (replacing what was there). */
  putObject(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The object's bytes, or undefined when there is none; refuses one larger than `maxBytes`. */
  getObject(key: string, maxBytes: number): Promise<Buffer | undefined>;
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

  const presign = async (method: 'GET' | 'PUT', key: string, expiresIn: number) => {
    const url = new URL(key, base);
    const signed = await presigner.presign(
      {
        method,
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port ? Number(url.port) : undefined,
        path: url.pathname,
        query: {},
        headers: { host: url.host },
      },
      // The domain clock (core/platform/clock.ts), so the link's expiry and the `expiresAt` shown agree.
      { expiresIn, signingDate: now() }
    );
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(signed.query ?? {})) {
      for (const one of Array.isArray(value) ? value : [value ?? '']) query.append(name, one);
    }
    // URLSearchParams writes spaces as `+`; SigV4 signed them as `%20`.
    return `${url.origin}${url.pathname}?${query.toString().replaceAll('+', '%20')}`;
  };

  const downloadLink = (key: string, expiresIn: number): Promise<string> =>
    presign('GET', key, expiresIn);

  const putObject = async (key: string, body: Buffer, contentType: string) => {
    const response = await fetch(await presign('PUT', key, 60), {
      method: 'PUT',
      headers: { 'content-type': contentType },
      body,
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`S3 PUT ${key} answered ${response.status}`);
  };

  const getObject = async (key: string, maxBytes: number) => {
    const response = await fetch(await presign('GET', key, 60));
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

  return { downloadLink, putObject, getObject };
};
