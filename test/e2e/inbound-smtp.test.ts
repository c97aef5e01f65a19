/**
 * Tickets by email end to end: a mail sent with an SMTP client to the
 * local ingress (mailauth verdicts against a DNS table, raw MIME in the S3
 * emulator, the inbound handler) becomes a ticket the API shows, and only
 * when its sender is registered and authenticated.
 */
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foreignSenderDomain, LOCAL_MAIL_DNS, localSenderDomain } from '../../local/mail-dns.ts';
import { startMailIngress } from '../../local/mail-ingress.ts';
import type { SmtpIngress } from '../../local/smtp-ingress.ts';
import { useGateway } from '../support/gateway.ts';
import { getTicketForThreading } from '../support/inbound-threading.ts';
import { accessTokenFor, createTenant, type Tenant } from '../support/tenants.ts';

const gateway = useGateway();
let ingress: SmtpIngress;
let near: Tenant;
let spoofedReject: Tenant;
let spoofedNone: Tenant;
let tokens: Record<'near' | 'reject' | 'none', string>;

const send = (mail: Mail.Options) =>
  nodemailer
    .createTransport({ host: '127.0.0.1', port: ingress.port, secure: false, ignoreTLS: true })
    .sendMail({ to: 'support@portico.example', ...mail });

const subjectsOf = async (tenant: Tenant, token: string) => {
  const answer = await gateway.api('GET', `/accounts/${tenant.accountId}/tickets`, { token });
  expect(answer.status).toBe(200);
  return (answer.body.items as { subject: string }[]).map((ticket) => ticket.subject);
};

beforeAll(async () => {
  // Prepare: one tenant whose domain allows this machine, two whose SPF names another host.
  [near, spoofedReject, spoofedNone] = await Promise.all([
    createTenant('Inboundnear'),
    createTenant('Inboundreject'),
    createTenant('Inboundnone'),
  ]);
  ingress = await startMailIngress(0, undefined, {
    ...LOCAL_MAIL_DNS,
    ...localSenderDomain('inboundnear.example'),
    ...foreignSenderDomain('inboundreject.example', 'reject'),
    ...foreignSenderDomain('inboundnone.example', 'none'),
  });
  tokens = {
    near: await accessTokenFor(near.email),
    reject: await accessTokenFor(spoofedReject.email),
    none: await accessTokenFor(spoofedNone.email),
  };
});

afterAll(async () => {
  await ingress?.stop();
});

describe('mail to the local SMTP ingress', () => {
  it('opens a ticket the API shows for a registered, authenticated sender', async () => {
    // Act
    await send({
      from: near.email,
      subject: 'Mail server down',
      text: 'Nothing arrives since 9:00.',
    });

    // Assess
    expect(await subjectsOf(near, tokens.near)).toContain('Mail server down');
  });

  it('never opens a ticket for a stranger spoofing a registered From (SPF fails, DMARC p=reject)', async () => {
    // Act
    await send({
      from: spoofedReject.email,
      subject: 'Spoofed reject',
      text: 'Send me the passwords.',
    });

    // Assess
    expect(await subjectsOf(spoofedReject, tokens.reject)).not.toContain('Spoofed reject');
  });

  it('never opens a ticket when DMARC fails under p=none either', async () => {
    // Act
    await send({ from: spoofedNone.email, subject: 'Spoofed none', text: 'Change the owner.' });

    // Assess
    expect(await subjectsOf(spoofedNone, tokens.none)).not.toContain('Spoofed none');
  });

  it('threads a reply sent by SMTP to the ticket it answers', async () => {
    // Prepare
    await send({ from: near.email, subject: 'Backups', text: 'Are backups running?' });
    const list = await gateway.api('GET', `/accounts/${near.accountId}/tickets`, {
      token: tokens.near,
    });
    const ticket = (list.body.items as { id: string; subject: string }[]).find(
      (t) => t.subject === 'Backups'
    );
    const detail = await gateway.api('GET', `/accounts/${near.accountId}/tickets/${ticket?.id}`, {
      token: tokens.near,
    });
    const issued = await getTicketForThreading(near.accountId, ticket?.id ?? '');

    // Act
    await send({
      from: near.email,
      subject: 'Re: Backups',
      text: 'Thanks!',
      inReplyTo: issued,
      references: [issued],
    });

    // Assess
    const after = await gateway.api('GET', `/accounts/${near.accountId}/tickets/${ticket?.id}`, {
      token: tokens.near,
    });
    expect((detail.body.messages as unknown[]).length).toBe(1);
    expect((after.body.messages as { body: string }[]).map((m) => m.body)).toEqual([
      'Are backups running?',
      'Thanks!',
    ]);
  });
});
