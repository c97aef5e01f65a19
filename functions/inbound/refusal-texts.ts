/**
 * The one answer a refused mail gets: why, and what to do. Plain text,
 * sent through the outbox as an automatic reply. The original subject is
 * quoted on one line, cut short.
 */
import type { InboundReason } from '#core/entities/inbound-mail';
import { withoutForbidden } from '#core/rules/plain-text';

const PORTAL = 'the client area of our website';

const WHY: Partial<Record<InboundReason, string>> = {
  'authentication-failed':
    'we could not confirm that it was sent by the owner of the sender address: it failed the SPF, DKIM and DMARC checks that prove this. Please write from your usual mail server, or ask whoever runs your mail to publish SPF, DKIM and DMARC records for your domain; meanwhile you can open a ticket in ' +
    PORTAL +
    '.',
  'not-registered':
    'the sender address is not registered as a contact of the account this mail was for. Ask the primary contact of your account to add this address as a contact with support mail switched on, or open a ticket in ' +
    PORTAL +
    '.',
  'not-allowed':
    'the sender address may not open or answer tickets by mail (its support mail is off, or its login lacks the ticket permission or is suspended). Ask the primary contact of your account to allow it.',
  'several-accounts':
    'the sender address is a contact of several accounts, so we cannot tell which one this mail is about. Write to the support address of that account (below), or open the ticket in ' +
    PORTAL +
    '.',
  'service-not-allowed':
    'it names a service your support access does not cover. Send it again without the [service:…] tag, or ask the primary contact of your account to assign the service to you.',
  'unknown-service': 'it names a service the account does not have. Check the [service:…] tag.',
  'thread-not-allowed':
    'it answers a conversation this address may not take part in. Open a new ticket instead (a new mail without the quoted conversation).',
  'ticket-full':
    'the ticket it answers holds the most messages one ticket takes. Open a new ticket and mention the old one.',
  'too-large':
    'it is too large: a mail may hold at most 10 MB, each attachment at most 5 MB. Send large files as a link, or spread them over several mails.',
  'too-many-attachments':
    'it has too many attachments: at most 10 per mail. Spread them over several mails.',
  empty: 'it holds no text and no attachment.',
  unreadable: 'we could not read it. Please send it again as plain text.',
};

export const refusalText = (
  reason: InboundReason,
  subject: string,
  accountAddresses: string[] = []
) => {
  const quoted = withoutForbidden(subject, 'single-line').slice(0, 100);
  const lines = [
    'Hello,',
    '',
    `Your mail to our support "${quoted}" did not reach the helpdesk because ${WHY[reason] ?? 'it was not accepted.'}`,
    ...(accountAddresses.length > 0 ? ['', ...accountAddresses.map((a) => `  ${a}`)] : []),
    '',
    'This is an automatic answer. No ticket was opened or answered.',
  ];
  return {
    subject: `Not delivered to support: ${quoted}`.slice(0, 150),
    text: lines.join('\n'),
  };
};
