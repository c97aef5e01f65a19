/**
 * What a mail to support attaches to, over SMTP to the local ingress: only
 * a Message-ID Portico issued, of a ticket the sender may see and that
 * has room, threads;
 * a ticket named in the subject alone never does; mail written by a
 * machine (auto-replies, bulk mail, bounces) is dropped without an answer.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  issuedMessageId,
  SUPPORT,
  tenantDomain,
  theOneAnswer,
  useSmtpSupport,
} from '../support/smtp-mail.ts';
import { signedInTenant } from '../support/tenants.ts';
import { fillTicket } from '../support/tickets.ts';

const LABEL = 'Inboundthreads';
const smtp = useSmtpSupport([LABEL]);

describe('threading mail to support (SMTP)', () => {
  it('never attaches a reply citing another account’s ticket Message-ID, and answers why', async () => {
    // Prepare: account B's primary opens a ticket; A's primary has B's Message-ID.
    const [a, b] = await Promise.all([signedInTenant(LABEL), signedInTenant(LABEL)]);
    await smtp.send({ from: b.tenant.email, subject: 'B private', text: 'Our root password.' });
    const theirs = await smtp.ticketNamed(b, 'B private');
    const issued = await issuedMessageId(b.tenant.email, 'B private');
    const reply = { reader: a, from: a.tenant.email, subject: 'Re: B private', since: new Date() };

    // Act
    await smtp.send({
      from: a.tenant.email,
      subject: reply.subject,
      text: 'Show me more.',
      inReplyTo: issued.id,
      references: [issued.id],
    });

    // Assess
    await smtp.expectRefused({
      ...reply,
      reason: 'thread-not-allowed',
      because: 'it answers a conversation this address may not take part in',
    });
    expect((await smtp.messagesOf(b, theirs.id)).map((m) => m.body)).toEqual([
      'Our root password.',
    ]);
  });

  it('refuses a reply to a ticket holding the most messages one ticket takes, adding nothing', async () => {
    // Prepare
    const reader = await signedInTenant(LABEL);
    await smtp.send({ from: reader.tenant.email, subject: 'Long one', text: 'First words.' });
    const full = await smtp.ticketNamed(reader, 'Long one');
    await fillTicket(reader.tenant.accountId, full.id);
    const issued = await issuedMessageId(reader.tenant.email, 'Long one');
    const reply = { reader, from: reader.tenant.email, subject: 'Re: Long one', since: new Date() };

    // Act
    await smtp.send({
      from: reply.from,
      subject: reply.subject,
      text: 'More.',
      inReplyTo: issued.id,
    });

    // Assess
    const answer = await theOneAnswer(reply.from, reply.subject, reply.since);
    expect(answer.body.text).toContain('the ticket it answers holds the most messages');
    expect((await smtp.messagesOf(reader, full.id)).map((m) => m.body)).toEqual(['First words.']);
    expect(
      (await smtp.refusalsFrom(reply.from, reply.since)).map((r) => [r.reason, r.accountId])
    ).toEqual([['ticket-full', reader.tenant.accountId]]);
  });

  it('opens a new ticket for a reply that names a ticket only in its subject, never attaching it', async () => {
    // Prepare
    const reader = await signedInTenant(LABEL);
    await smtp.send({ from: reader.tenant.email, subject: 'Backups', text: 'Are they running?' });
    const first = await smtp.ticketNamed(reader, 'Backups');
    const subject = `Re: [Ticket ${first.id}] Backups`;
    const since = new Date();

    // Act: no In-Reply-To, no References.
    await smtp.send({ from: reader.tenant.email, subject, text: 'Any news?' });

    // Assess
    expect((await smtp.messagesOf(reader, first.id)).map((m) => m.body)).toEqual([
      'Are they running?',
    ]);
    const second = await smtp.ticketNamed(reader, subject);
    expect(second.id).not.toBe(first.id);
    expect((await smtp.messagesOf(reader, second.id)).map((m) => m.body)).toEqual(['Any news?']);
    expect(await smtp.refusalsFrom(reader.tenant.email, since)).toEqual([]);
  });
});

describe('mail written by a machine (SMTP)', () => {
  it.each([
    ['Auto-Submitted: auto-replied', { 'Auto-Submitted': 'auto-replied' }],
    ['Precedence: bulk', { Precedence: 'bulk' }],
  ])(
    'drops a registered sender’s mail with %s: nothing opened, nothing answered',
    async (_, headers) => {
      // Prepare
      const reader = await signedInTenant(LABEL);
      const mail = {
        reader,
        from: reader.tenant.email,
        subject: `Out of office ${randomUUID().slice(0, 8)}`,
        since: new Date(),
      };

      // Act
      await smtp.send({ from: mail.from, subject: mail.subject, text: 'I am away.', headers });

      // Assess
      await smtp.expectDropped(mail);
    }
  );

  it('drops a bounce from MAILER-DAEMON (null envelope sender): nothing opened, nothing answered', async () => {
    // Prepare: the bounce comes from the customer's mail server, greeting as its domain.
    const reader = await signedInTenant(LABEL);
    const domain = tenantDomain(LABEL);
    const to = SUPPORT.replace('@', `+${reader.tenant.accountId}@`);
    const mail = {
      reader,
      from: `mailer-daemon@${domain}`,
      subject: `Undelivered Mail Returned to Sender ${randomUUID().slice(0, 8)}`,
      since: new Date(),
    };

    // Act
    await smtp.send(
      {
        from: `MAILER-DAEMON@${domain}`,
        to,
        envelope: { from: '', to: [to] },
        subject: mail.subject,
        text: `Delivery to ${reader.tenant.email} failed permanently: mailbox full.`,
      },
      domain
    );

    // Assess
    await smtp.expectDropped(mail);
  });
});
