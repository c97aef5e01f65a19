/**
 * The SES receipt event of a Lambda action (the S3 action before it stored
 * the raw MIME under `inbound/<messageId>`): what the function reads of it.
 * An event that does not have this shape is not SES's and is dropped.
 */
import type { ReceiptVerdicts } from './verdicts.ts';

/** Where the receipt rule's S3 action stores the raw message (lib/constructs/inbound-mail.ts). */
export const RAW_MAIL_PREFIX = 'inbound/';

export interface SesReceiptRecord {
  eventSource?: string;
  ses?: {
    mail?: {
      messageId?: string;
      timestamp?: string;
      source?: string;
      headers?: { name?: string; value?: string }[];
      commonHeaders?: { from?: string[]; subject?: string };
    };
    receipt?: ReceiptVerdicts & { recipients?: string[] };
  };
}

export interface SesReceiptEvent {
  Records?: SesReceiptRecord[];
}

/** One received mail as the rules need it, before its body is read. */
export interface ReceivedMail {
  sesMessageId: string;
  receivedAt: string;
  rawKey: string;
  envelopeSender: string;
  recipients: string[];
  verdicts: ReceiptVerdicts;
  header: (name: string) => string | undefined;
  /** The From header's address, lower-cased ('' when none). */
  from: string;
  subject: string;
}

/** SES message ids are letters and digits; anything else never becomes a key. */
const SES_MESSAGE_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** The address of `"Name" <a@b>` or `a@b`, lower-cased; '' when there is none. */
export const addressIn = (value: string | undefined): string => {
  if (!value) return '';
  const bracketed = /<([^<>\s]+@[^<>\s]+)>/.exec(value)?.[1];
  const bare = /[^\s<>"',;:]+@[^\s<>"',;:]+/.exec(value)?.[0];
  return (bracketed ?? bare ?? '').trim().toLowerCase();
};

export const readReceipt = (record: SesReceiptRecord): ReceivedMail | undefined => {
  const mail = record.ses?.mail;
  const receipt = record.ses?.receipt;
  const sesMessageId = mail?.messageId;
  if (!mail || !receipt || !sesMessageId || !SES_MESSAGE_ID.test(sesMessageId)) return undefined;
  const headers = new Map<string, string>();
  for (const { name, value } of mail.headers ?? []) {
    const key = name?.toLowerCase();
    if (key && value !== undefined && !headers.has(key)) headers.set(key, value);
  }
  const parsedTime = Date.parse(mail.timestamp ?? '');
  return {
    sesMessageId,
    receivedAt: new Date(Number.isNaN(parsedTime) ? Date.now() : parsedTime).toISOString(),
    rawKey: `${RAW_MAIL_PREFIX}${sesMessageId}`,
    envelopeSender: addressIn(mail.source),
    recipients: receipt.recipients ?? [],
    verdicts: receipt,
    header: (name) => headers.get(name.toLowerCase()),
    from: addressIn(mail.commonHeaders?.from?.[0] ?? headers.get('from')),
    subject: mail.commonHeaders?.subject ?? headers.get('subject') ?? '',
  };
};
