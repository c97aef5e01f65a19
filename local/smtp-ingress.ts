/**
 * The local SMTP ingress: what SES's receipt rule does in AWS, on
 * 127.0.0.1. It takes a mail from any SMTP client, computes the SPF, DKIM
 * and DMARC verdicts with mailauth against the local DNS table
 * (mail-dns.ts) and a spam and virus verdict of PASS (there is no scanner
 * here), stores the raw MIME in the S3 emulator under the key the S3
 * action would use, then calls the inbound handler with the event SES
 * sends (ses-receipt.ts). The SMTP answer waits for the handler, so a
 * client knows its mail was handled when the send returns.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { authenticate } from 'mailauth';
import { SMTPServer } from 'smtp-server';
import { RAW_MAIL_PREFIX, type SesReceiptEvent } from '../functions/inbound/event.ts';
import { type DnsTable, dnsResolver, LOCAL_MAIL_DNS } from './mail-dns.ts';
import { LOCAL_HOST } from './ports.ts';
import { type ReceiptVerdictStatuses, receiptEvent, type VerdictStatus } from './ses-receipt.ts';

/** SES accepts up to 40 MB through an S3 action; the function refuses what it finds too large. */
const MAX_SMTP_BYTES = 40 * 1024 * 1024;

export interface SmtpIngressOptions {
  port: number;
  putRaw: (key: string, raw: Buffer) => Promise<void>;
  handler: (event: SesReceiptEvent) => Promise<void>;
  dns?: DnsTable;
  log?: (line: string) => void;
}

export interface SmtpIngress {
  port: number;
  stop(): Promise<void>;
}

const verdictOf = (result: string | undefined): VerdictStatus => {
  if (result === 'pass') return 'PASS';
  if (result === 'fail' || result === 'softfail') return 'FAIL';
  if (result === 'temperror' || result === 'permerror') return 'PROCESSING_FAILED';
  return 'GRAY';
};

/** mailauth's results in SES's verdict words. */
const verdictsOf = async (
  raw: Buffer,
  session: { ip: string; helo: string; sender: string },
  dns: DnsTable
): Promise<ReceiptVerdictStatuses> => {
  const auth = await authenticate(raw, {
    ...session,
    mta: 'portico.local',
    resolver: dnsResolver(dns),
    disableArc: true,
    disableBimi: true,
  });
  const dkimPassed = auth.dkim.results.some((result) => result.status.result === 'pass');
  return {
    spf: verdictOf(auth.spf ? auth.spf.status.result : undefined),
    dkim: auth.dkim.results.length === 0 ? 'GRAY' : dkimPassed ? 'PASS' : 'FAIL',
    dmarc: verdictOf(auth.dmarc ? auth.dmarc.status.result : undefined),
    ...(auth.dmarc && auth.dmarc.p !== undefined ? { dmarcPolicy: auth.dmarc.p } : {}),
    spam: 'PASS',
    virus: 'PASS',
  };
};

export const startSmtpIngress = async (options: SmtpIngressOptions): Promise<SmtpIngress> => {
  const dns = options.dns ?? LOCAL_MAIL_DNS;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_SMTP_BYTES,
    logger: false,
    async onData(stream, session, callback) {
      try {
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        if (stream.sizeExceeded) throw new Error('message too large for the ingress');
        const raw = Buffer.concat(chunks);
        const messageId = randomBytes(20).toString('hex');
        const sender = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const verdicts = await verdictsOf(
          raw,
          {
            ip: session.remoteAddress.replace(/^::ffff:/, ''),
            helo: session.hostNameAppearsAs,
            sender,
          },
          dns
        );
        await options.putRaw(`${RAW_MAIL_PREFIX}${messageId}`, raw);
        await options.handler(
          receiptEvent({
            messageId,
            raw,
            envelopeSender: sender,
            recipients: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            verdicts,
            at: new Date(),
          })
        );
        options.log?.(
          `smtp: mail ${messageId} handled (SPF ${verdicts.spf}, DMARC ${verdicts.dmarc})`
        );
        callback();
      } catch (error) {
        options.log?.(
          `smtp: mail not handled: ${error instanceof Error ? error.message : String(error)}`
        );
        callback(Object.assign(new Error('Local processing error'), { responseCode: 451 }));
      }
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOCAL_HOST, () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
