/**
 * Ticket attachments in end-to-end tests: declare an upload through the
 * API and PUT its bytes through the presigned link, as the portal does; read
 * the staged object or place one there directly (an S3 that let a wrong
 * file through), through the same bucket client the functions use.
 */
import { expect } from 'vitest';
import { stagingKey } from '#core/entities/ticket-upload';
import { bucketFiles } from '#core/platform/clients/bucket-files';
import { readMailBucketConfig } from '#core/platform/config';
import type { TestGateway } from './gateway.ts';

export interface Declared {
  id: string;
  upload: { method: 'PUT'; url: string; headers: Record<string, string> };
}

/** A small PDF (it begins as one), distinct per `label`. */
export const pdfBytes = (label = 'report') =>
  Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`, 'latin1');

export const declareUpload = async (
  gateway: TestGateway,
  token: string,
  accountId: string,
  file: { filename: string; contentType: string; size: number }
) => gateway.api('POST', `/accounts/${accountId}/ticket-uploads`, { token, body: file });

/** PUTs the bytes to an upload link (as a browser would: its signed headers, the body's length). */
export const putToLink = async (declared: Declared, bytes: Buffer) => {
  const response = await fetch(declared.upload.url, {
    method: 'PUT',
    headers: declared.upload.headers,
    body: bytes,
  });
  return { status: response.status, text: await response.text() };
};

/** Declares the file and uploads it: the id to name in `attachments`. */
export const uploadFile = async (
  gateway: TestGateway,
  token: string,
  accountId: string,
  file: { filename: string; contentType: string; bytes: Buffer }
): Promise<string> => {
  const declared = await declareUpload(gateway, token, accountId, {
    filename: file.filename,
    contentType: file.contentType,
    size: file.bytes.length,
  });
  expect(declared.status, declared.text).toBe(201);
  const put = await putToLink(declared.body as unknown as Declared, file.bytes);
  expect(put.status, put.text).toBe(200);
  return declared.body.id as string;
};

const mailBucket = () => bucketFiles(readMailBucketConfig());

/** Replaces the staged bytes of an upload behind the API's back. */
export const replaceStaged = (accountId: string, uploadId: string, bytes: Buffer) =>
  mailBucket().putObject(stagingKey(accountId, uploadId), bytes, 'application/octet-stream');

/** Follows a download link: status, headers and bytes. */
export const download = async (url: string, headers: Record<string, string> = {}) => {
  const response = await fetch(url, { headers });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
};
