/**
 * Mail to support over SMTP, end to end: the local ingress one test file
 * starts (mailauth verdicts against a DNS table naming the file's sender
 * domains, raw MIME in the S3 emulator, the inbound handler), mail sent to
 * it with nodemailer, and what each party then sees: the tickets of an
 * account as its primary lists and reads them, the one answer a refused
 * sender receives in the SES emulator, the helpdesk's list of refusals.
 */
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { afterAll, beforeAll, expect } from 'vitest';
import { type DnsTable, LOCAL_MAIL_DNS, localSenderDomain } from '../../local/mail-dns.ts';
import { startMailIngress } from '../../local/mail-ingress.ts';
import type { SmtpIngress } from '../../local/smtp-ingress.ts';
import { LOCAL_SUPPORT_ADDRESS } from '../../scripts/local-stack/env.ts';
import { useGateway } from './gateway.ts';
import { readPages } from './http.ts';
import { headerOf, mailTo, type StoredEmail, waitForMail } from './mailbox.ts';
import { staffCall } from './staff-calls.ts';
import type { Tenant } from './tenants.ts';

export const SUPPORT = LOCAL_SUPPORT_ADDRESS;

/** The mail domain of createTenant(label)'s addresses (its primary and sub-accounts). */
export const tenantDomain = (label: string) => `${label.toLowerCase().replace(/\W/g, '')}.example`;

/** A domain whose SPF passes from here and which no account's contact writes from. */
const STRANGERS = 'smtp-strangers.example';

/** An address no account knows, on a domain that authenticates: its mail passes the verdicts. */
export const strangerAddress = (label = 'stranger') =>
  `${label}-${randomUUID().slice(0, 8)}@${STRANGERS}`;

/** An account as its primary sees it through the API. */
export interface Reader {
  tenant: Tenant;
  token: string;
}

export interface TicketSummary {
  id: string;
  subject: string;
  serviceId?: string;
}

export interface MessageView {
  body: string;
  attachments: { name: string; size: number; contentType: string; url: string | null }[];
}

export interface RefusalView {
  from: string;
  subject: string;
  reason: string;
  receivedAt: string;
  accountId?: string;
}

/** The subject of the one answer a refused mail gets (functions/inbound/refusal-texts.ts). */
export const answerSubject = (subject: string) => `Not delivered to support: ${subject}`;

/**
 * The ingress and gateway of one test file. `labels` are the createTenant
 * labels whose domains publish SPF for this machine and DMARC p=reject;
 * `dns` adds records of the file's own.
 */
export const useSmtpSupport = (labels: string[], dns: DnsTable = {}) => {
  const gateway = useGateway();
  let ingress: SmtpIngress | undefined;

  beforeAll(async () => {
    ingress = await startMailIngress(0, undefined, {
      ...LOCAL_MAIL_DNS,
      ...localSenderDomain(STRANGERS),
      ...Object.assign({}, ...labels.map((label) => localSenderDomain(tenantDomain(label)))),
      ...dns,
    });
  });

  afterAll(async () => {
    await ingress?.stop();
  });

  /**
   * Sends one mail to support (or `to`); returns once the ingress has
   * handled it. `helo` is the name the client greets with.
   */
  const send = async (mail: Mail.Options, helo?: string) => {
    if (!ingress) throw new Error('The ingress starts in beforeAll: send from a test or hook.');
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: ingress.port,
      secure: false,
      ignoreTLS: true,
      ...(helo ? { name: helo } : {}),
    });
    try {
      await transport.sendMail({ to: SUPPORT, ...mail });
    } finally {
      transport.close();
    }
  };

  /** The tickets the account's primary lists, every page. */
  const ticketsOf = async (reader: Reader): Promise<TicketSummary[]> =>
    (
      await readPages<TicketSummary>((andCursor) =>
        gateway.api('GET', `/accounts/${reader.tenant.accountId}/tickets?limit=100${andCursor}`, {
          token: reader.token,
        })
      )
    ).flat();

  /** The one ticket with this subject the primary lists (fails when there is none, or several). */
  const ticketNamed = async (reader: Reader, subject: string) => {
    const named = (await ticketsOf(reader)).filter((ticket) => ticket.subject === subject);
    expect(named.map((ticket) => ticket.subject)).toEqual([subject]);
    return named[0] as TicketSummary;
  };

  /** The messages of a ticket, oldest first, as the primary reads them. */
  const messagesOf = async (reader: Reader, ticketId: string): Promise<MessageView[]> => {
    const detail = await gateway.api(
      'GET',
      `/accounts/${reader.tenant.accountId}/tickets/${ticketId}`,
      { token: reader.token }
    );
    expect(detail.status, detail.text).toBe(200);
    return detail.body.messages as MessageView[];
  };

  /** Refused mail from `from` the helpdesk lists, reading newest first back to `since`. */
  const refusalsFrom = async (from: string, since: Date): Promise<RefusalView[]> => {
    const found: RefusalView[] = [];
    let cursor: string | null = null;
    do {
      const page = await staffCall(
        gateway.url,
        'GET',
        `/staff/inbound-refusals?limit=100${cursor ? `&cursor=${cursor}` : ''}`
      );
      expect(page.status, page.text).toBe(200);
      const items = page.body.items as RefusalView[];
      found.push(...items.filter((item) => item.from === from));
      const oldest = items.at(-1)?.receivedAt;
      cursor =
        oldest && Date.parse(oldest) >= since.getTime() ? (page.body.cursor as string) : null;
    } while (cursor);
    return found;
  };

  /**
   * Proves the outbox has sent every answer written before now: a stranger
   * writes, and its answer (written after) arrives. The outbox consumer
   * takes the stream in order, so an earlier answer would have gone first.
   */
  const outboxDrained = async () => {
    const marker = strangerAddress('marker');
    const subject = `Marker ${randomUUID().slice(0, 8)}`;
    await send({ from: marker, subject, text: 'Marker.' });
    await waitForMail(marker, answerSubject(subject), 20_000);
  };

  /**
   * A refused mail, as everyone sees it: the account (one that had no
   * ticket) lists none, the sender receives one answer saying `because`,
   * and the helpdesk lists the mail with `reason`.
   */
  const expectRefused = async (refused: SentMail & { reason: string; because: string }) => {
    expect(await ticketsOf(refused.reader)).toEqual([]);
    const answer = await theOneAnswer(refused.from, refused.subject, refused.since);
    expect(answer.body.text).toContain(refused.because);
    expect(answer.body.text).toContain('No ticket was opened or answered.');
    const listed = await refusalsFrom(refused.from, refused.since);
    expect(listed.map((r) => [r.subject, r.reason])).toEqual([[refused.subject, refused.reason]]);
    return answer;
  };

  /**
   * A mail dropped as loop-prone: the account lists no ticket, the helpdesk
   * lists no refusal (it was not refused: it was never a conversation), and
   * nothing at all reaches the sender.
   */
  const expectDropped = async (dropped: SentMail) => {
    expect(await ticketsOf(dropped.reader)).toEqual([]);
    expect(await refusalsFrom(dropped.from, dropped.since)).toEqual([]);
    await outboxDrained();
    expect(await mailSince(dropped.from, dropped.since)).toEqual([]);
  };

  return {
    gateway,
    send,
    ticketsOf,
    ticketNamed,
    messagesOf,
    refusalsFrom,
    outboxDrained,
    expectRefused,
    expectDropped,
  };
};

/** A mail a test sent: who wrote, what about, when, and the account it was meant for. */
export interface SentMail {
  reader: Reader;
  from: string;
  subject: string;
  since: Date;
}

/** Mail that reached `address` at or after `since` (the emulator stamps whole seconds). */
export const mailSince = async (address: string, since: Date): Promise<StoredEmail[]> =>
  (await mailTo(address)).filter((mail) => mail.at >= Math.floor(since.getTime() / 1000));

/**
 * The answer a refused mail got: it arrives, and it is the only refusal
 * answer that reached the sender since `since` (ticket mail may reach it too).
 */
export const theOneAnswer = async (address: string, subject: string, since: Date) => {
  const answer = await waitForMail(address, answerSubject(subject), 20_000);
  const answers = (await mailSince(address, since))
    .map((mail) => mail.subject)
    .filter((sent) => sent.startsWith(answerSubject('')));
  expect(answers).toEqual([answerSubject(subject)]);
  return answer;
};

/** The Message-ID of the ticket mail the primary received for a new ticket: what a reply cites. */
export const issuedMessageId = async (primaryEmail: string, subject: string) => {
  const mail = await waitForMail(primaryEmail, `[New ticket] ${subject}`, 20_000);
  const id = headerOf(mail, 'Message-ID');
  if (!id) throw new Error(`the ticket mail "${subject}" carries no Message-ID`);
  return { id, replyTo: headerOf(mail, 'Reply-To') ?? SUPPORT };
};
