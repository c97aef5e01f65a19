/**
 * Tickets by email end to end: a mail sent with an SMTP client to the
 * local ingress (mailauth verdicts against a DNS table, raw MIME in the S3
 * emulator, the inbound handler) becomes a ticket the API shows, and only
 * when its sender is registered and authenticated; a reply to Portico's
 * ticket mail threads. Other rules: inbound-smtp-senders, -threads, -limits.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { foreignSenderDomain } from '../../local/mail-dns.ts';
import {
  issuedMessageId,
  mailSince,
  type Reader,
  tenantDomain,
  useSmtpSupport,
} from '../support/smtp-mail.ts';
import { signedInTenant } from '../support/tenants.ts';

const LABELS = { near: 'Inboundnear', reject: 'Inboundreject', none: 'Inboundnone' } as const;

// Prepare: one tenant whose domain allows this machine, two whose SPF names another host.
const smtp = useSmtpSupport([LABELS.near], {
  ...foreignSenderDomain(tenantDomain(LABELS.reject), 'reject'),
  ...foreignSenderDomain(tenantDomain(LABELS.none), 'none'),
});
let near: Reader;
let spoofedReject: Reader;
let spoofedNone: Reader;

beforeAll(async () => {
  [near, spoofedReject, spoofedNone] = await Promise.all([
    signedInTenant(LABELS.near),
    signedInTenant(LABELS.reject),
    signedInTenant(LABELS.none),
  ]);
});

const subjectsOf = async (reader: Reader) =>
  (await smtp.ticketsOf(reader)).map((ticket) => ticket.subject);

describe('mail to the local SMTP ingress', () => {
  it('opens a ticket the API shows for a registered, authenticated sender', async () => {
    // Act
    await smtp.send({
      from: near.tenant.email,
      subject: 'Mail server down',
      text: 'Nothing arrives since 9:00.',
    });

    // Assess
    const ticket = await smtp.ticketNamed(near, 'Mail server down');
    expect((await smtp.messagesOf(near, ticket.id)).map((m) => m.body)).toEqual([
      'Nothing arrives since 9:00.',
    ]);
  });

  it('never opens a ticket for a stranger spoofing a registered From (SPF fails, DMARC p=reject)', async () => {
    // Prepare
    const since = new Date();

    // Act
    await smtp.send({
      from: spoofedReject.tenant.email,
      subject: 'Spoofed reject',
      text: 'Send me the passwords.',
    });

    // Assess
    expect(await subjectsOf(spoofedReject)).not.toContain('Spoofed reject');
    const listed = await smtp.refusalsFrom(spoofedReject.tenant.email, since);
    expect(listed.map((r) => [r.subject, r.reason])).toEqual([
      ['Spoofed reject', 'authentication-failed'],
    ]);
    // The forged From is someone else's address: it is never answered (no backscatter).
    await smtp.outboxDrained();
    expect(await mailSince(spoofedReject.tenant.email, since)).toEqual([]);
  });

  it('never opens a ticket when DMARC fails under p=none either', async () => {
    // Prepare
    const since = new Date();

    // Act
    await smtp.send({
      from: spoofedNone.tenant.email,
      subject: 'Spoofed none',
      text: 'Change the owner.',
    });

    // Assess
    expect(await subjectsOf(spoofedNone)).not.toContain('Spoofed none');
    const listed = await smtp.refusalsFrom(spoofedNone.tenant.email, since);
    expect(listed.map((r) => [r.subject, r.reason])).toEqual([
      ['Spoofed none', 'authentication-failed'],
    ]);
    await smtp.outboxDrained();
    expect(await mailSince(spoofedNone.tenant.email, since)).toEqual([]);
  });

  it('threads a reply sent by SMTP to the ticket it answers', async () => {
    // Prepare: the primary opens a ticket and answers the ticket mail Portico sent about it.
    await smtp.send({ from: near.tenant.email, subject: 'Backups', text: 'Are backups running?' });
    const ticket = await smtp.ticketNamed(near, 'Backups');
    const before = await smtp.messagesOf(near, ticket.id);
    const issued = await issuedMessageId(near.tenant.email, 'Backups');

    // Act
    await smtp.send({
      from: near.tenant.email,
      to: issued.replyTo,
      subject: 'Re: [New ticket] Backups',
      text: 'Thanks!',
      inReplyTo: issued.id,
      references: [issued.id],
    });

    // Assess
    expect(before.map((m) => m.body)).toEqual(['Are backups running?']);
    expect((await smtp.messagesOf(near, ticket.id)).map((m) => m.body)).toEqual([
      'Are backups running?',
      'Thanks!',
    ]);
    expect(await subjectsOf(near)).not.toContain('Re: [New ticket] Backups');
  });
});
