/**
 * The SMTP ingress wired to the running stack: raw mail into the S3
 * emulator's mail bucket, events to the inbound function's handler. Import
 * only after applyLocalStackEnv: the handler reads its settings on load.
 */

import { bucketFiles } from '#core/platform/clients/bucket-files';
import { readMailBucketConfig } from '#core/platform/config';
import type { DnsTable } from './mail-dns.ts';
import { startSmtpIngress } from './smtp-ingress.ts';

/** Where `npm start` listens for mail to support, and the variable that moves it. */
export const SMTP_PORT = { default: 2525, env: 'SMTP_PORT', what: 'the SMTP ingress' } as const;

export const startMailIngress = async (
  port: number,
  log?: (line: string) => void,
  dns?: DnsTable
) => {
  const files = bucketFiles(readMailBucketConfig());
  const { handler } = await import('../functions/inbound/handler.ts');
  return startSmtpIngress({
    port,
    putRaw: (key, raw) => files.putObject(key, raw, 'message/rfc822'),
    handler: (event) => handler(event),
    ...(log ? { log } : {}),
    ...(dns ? { dns } : {}),
  });
};
