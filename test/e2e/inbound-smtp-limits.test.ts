/**
 * What a mail to support may carry, over SMTP to the local ingress: at
 * most 10 MiB of raw mail (functions/inbound/parse.ts), at most 10
 * attachments of at most 5 MiB each (core/rules/attachments.ts), and some
 * text or a file; an accepted mail's attachment is listed on its ticket
 * message, with a link that gives its bytes.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '#core/rules/attachments';
import { MAX_RAW_BYTES } from '../../functions/inbound/parse.ts';
import { SUPPORT, useSmtpSupport } from '../support/smtp-mail.ts';
import { signedInTenant } from '../support/tenants.ts';

const LABEL = 'Inboundlimits';
const smtp = useSmtpSupport([LABEL]);

/**
 * A plain-text mail of exactly `size` bytes: its header block, then lines
 * of 76 characters and a last shorter one (no dot starts a line).
 */
const rawMailOf = (size: number, head: { from: string; subject: string }) => {
  const header = [
    `From: ${head.from}`,
    `To: ${SUPPORT}`,
    `Subject: ${head.subject}`,
    `Message-ID: <${randomUUID()}@${head.from.split('@')[1]}>`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=us-ascii',
    'Content-Transfer-Encoding: 7bit',
    '',
    '',
  ].join('\r\n');
  const line = `${'x'.repeat(76)}\r\n`;
  const room = size - Buffer.byteLength(header);
  const body = line.repeat(Math.floor(room / line.length)) + 'y'.repeat(room % line.length);
  const raw = Buffer.from(header + body, 'ascii');
  if (raw.length !== size) throw new Error(`composed ${raw.length} bytes, not ${size}`);
  return raw;
};

const file = (n: number) => ({ filename: `log-${n}.txt`, content: `line ${n}\n` });

describe('size and attachments of mail to support (SMTP)', () => {
  it('refuses mail just over 10 MiB with an explanation, opening nothing', async () => {
    // Prepare: 1 KiB over the limit.
    const reader = await signedInTenant(LABEL);
    const mail = { reader, from: reader.tenant.email, subject: 'Big logs', since: new Date() };
    const raw = rawMailOf(MAX_RAW_BYTES + 1024, mail);

    // Act
    await smtp.send({ envelope: { from: mail.from, to: [SUPPORT] }, raw });

    // Assess
    await smtp.expectRefused({
      ...mail,
      reason: 'too-large',
      because: 'it is too large: a mail may hold at most 10 MB',
    });
  });

  it('refuses an attachment just over 5 MiB in a mail under 10 MiB, saying why', async () => {
    // Prepare: 1 KiB over the limit of one file.
    const reader = await signedInTenant(LABEL);
    const mail = { reader, from: reader.tenant.email, subject: 'Disk image', since: new Date() };

    // Act
    await smtp.send({
      from: mail.from,
      subject: mail.subject,
      text: 'The image is attached.',
      attachments: [
        { filename: 'disk.img', content: Buffer.alloc(MAX_ATTACHMENT_BYTES + 1024, 7) },
      ],
    });

    // Assess
    await smtp.expectRefused({
      ...mail,
      reason: 'too-large',
      because: 'each attachment at most 5 MB',
    });
  });

  it(`refuses mail with ${MAX_ATTACHMENTS + 1} attachments, saying at most ${MAX_ATTACHMENTS}`, async () => {
    // Prepare
    const reader = await signedInTenant(LABEL);
    const mail = { reader, from: reader.tenant.email, subject: 'All the logs', since: new Date() };

    // Act
    await smtp.send({
      from: mail.from,
      subject: mail.subject,
      text: 'Logs attached.',
      attachments: Array.from({ length: MAX_ATTACHMENTS + 1 }, (_, n) => file(n)),
    });

    // Assess
    await smtp.expectRefused({
      ...mail,
      reason: 'too-many-attachments',
      because: `it has too many attachments: at most ${MAX_ATTACHMENTS} per mail`,
    });
  });

  it('refuses a mail with no text and no attachment', async () => {
    // Prepare
    const reader = await signedInTenant(LABEL);
    const mail = { reader, from: reader.tenant.email, subject: 'Nothing here', since: new Date() };

    // Act
    await smtp.send({ from: mail.from, subject: mail.subject, text: '' });

    // Assess
    await smtp.expectRefused({
      ...mail,
      reason: 'empty',
      because: 'it holds no text and no attachment',
    });
  });

  it('lists the attachment of an accepted mail on its ticket message, with a link to its bytes', async () => {
    // Prepare
    const reader = await signedInTenant(LABEL);
    const content = `error at ${randomUUID()}\n`;

    // Act
    await smtp.send({
      from: reader.tenant.email,
      subject: 'One log',
      text: 'The log is attached.',
      attachments: [{ filename: 'error.log', content, contentType: 'text/plain' }],
    });

    // Assess
    const ticket = await smtp.ticketNamed(reader, 'One log');
    const [message] = await smtp.messagesOf(reader, ticket.id);
    expect(message?.body).toBe('The log is attached.');
    expect(
      message?.attachments.map(({ name, size, contentType }) => ({ name, size, contentType }))
    ).toEqual([{ name: 'error.log', size: Buffer.byteLength(content), contentType: 'text/plain' }]);
    const download = await fetch(message?.attachments[0]?.url ?? '');
    expect(download.status).toBe(200);
    expect(await download.text()).toBe(content);
  });
});
