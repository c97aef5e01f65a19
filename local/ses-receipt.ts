/**
 * The event SES's receipt rule hands the inbound function (Lambda action,
 * after an S3 action stored the raw MIME), built from a raw message and
 * its verdicts: what the local SMTP ingress sends and what tests deliver.
 * Field names follow the SES Developer Guide's Lambda action event.
 */
import type { SesReceiptEvent } from '../functions/inbound/event.ts';

export type VerdictStatus = 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED';

export interface ReceiptVerdictStatuses {
  spf: VerdictStatus;
  dkim: VerdictStatus;
  dmarc: VerdictStatus;
  dmarcPolicy?: string;
  spam?: VerdictStatus;
  virus?: VerdictStatus;
}

export interface ReceiptInput {
  messageId: string;
  raw: Buffer;
  envelopeSender: string;
  recipients: string[];
  verdicts: ReceiptVerdictStatuses;
  at: Date;
}

/** The header block of a raw message, unfolded, in order. */
export const headersOf = (raw: Buffer): { name: string; value: string }[] => {
  const text = raw.subarray(0, 256 * 1024).toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const block = (end < 0 ? text : text.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  return block.split(/\r?\n/).flatMap((line) => {
    const colon = line.indexOf(':');
    return colon > 0
      ? [{ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() }]
      : [];
  });
};

export const receiptEvent = (input: ReceiptInput): SesReceiptEvent => {
  const headers = headersOf(input.raw);
  const first = (name: string) =>
    headers.find((header) => header.name.toLowerCase() === name)?.value;
  const status = (value: VerdictStatus | undefined) => ({ status: value ?? 'PASS' });
  return {
    Records: [
      {
        eventSource: 'aws:ses',
        ses: {
          mail: {
            messageId: input.messageId,
            timestamp: input.at.toISOString(),
            source: input.envelopeSender,
            headers,
            commonHeaders: {
              ...(first('from') ? { from: [first('from') ?? ''] } : {}),
              subject: first('subject') ?? '',
            },
          },
          receipt: {
            recipients: input.recipients,
            spfVerdict: status(input.verdicts.spf),
            dkimVerdict: status(input.verdicts.dkim),
            dmarcVerdict: status(input.verdicts.dmarc),
            spamVerdict: status(input.verdicts.spam),
            virusVerdict: status(input.verdicts.virus),
            ...(input.verdicts.dmarcPolicy ? { dmarcPolicy: input.verdicts.dmarcPolicy } : {}),
          },
        },
      },
    ],
  };
};
