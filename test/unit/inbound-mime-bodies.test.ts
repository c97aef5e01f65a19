/**
 * Large base64 bodies lifted out before parsing: the parsed files are the
 * ones the sender attached, byte for byte, and nothing a sender writes can
 * make one file take another's content.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { liftBodies, MIN_LIFTED_BODY_BYTES } from '../../functions/inbound/mime-bodies.ts';
import { parseMail } from '../../functions/inbound/parse.ts';
import { composeMail } from '../support/inbound.ts';

const wrap = (bytes: Buffer) => bytes.toString('base64').replace(/.{76}/g, '$&\r\n');

const multipart = (parts: string[], boundary = 'b1') =>
  Buffer.from(
    [
      'From: a@example.org',
      'To: support@example.com',
      'Subject: files',
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      ...parts.flatMap((part) => [`--${boundary}`, part]),
      `--${boundary}--`,
      '',
    ].join('\r\n')
  );

const filePart = (name: string, content: Buffer) =>
  [
    `Content-Type: application/octet-stream; name="${name}"`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="${name}"`,
    '',
    wrap(content),
  ].join('\r\n');

const textPart = 'Content-Type: text/plain; charset=utf-8\r\n\r\nThe server is down.';

describe('liftBodies', () => {
  it('gives every parsed file its own bytes back when large bodies skip the parser', async () => {
    // Prepare
    const first = randomBytes(MIN_LIFTED_BODY_BYTES * 20);
    const second = randomBytes(MIN_LIFTED_BODY_BYTES * 3);
    const raw = multipart([textPart, filePart('a.bin', first), filePart('b.bin', second)]);

    // Act
    const lifted = liftBodies(raw);
    const parsed = await parseMail(raw);

    // Assess
    expect(lifted.lifted).toBe(2);
    expect(lifted.slim.length).toBeLessThan(raw.length / 10);
    expect(parsed.ok && parsed.mail.body).toBe('The server is down.');
    expect(parsed.ok && parsed.mail.files.map((file) => file.content)).toEqual([first, second]);
  });

  it('parses what nodemailer composes exactly as the slim mail says (same files and text)', async () => {
    // Prepare
    const content = randomBytes(200_000);
    const raw = await composeMail({
      from: 'someone@example.org',
      text: 'Logs attached.',
      attachments: [{ filename: 'logs.tgz', content }],
    });

    // Act
    const parsed = await parseMail(raw);

    // Assess
    expect(parsed.ok && parsed.mail.files[0]?.content.equals(content)).toBe(true);
    expect(parsed.ok && parsed.mail.files[0]?.filename).toBe('logs.tgz');
  });

  it('never lets a sender-written marker take another file’s content (the nonce is per parse)', async () => {
    // Prepare: a small file whose bytes imitate a marker for the lifted body at index 0.
    const big = randomBytes(MIN_LIFTED_BODY_BYTES * 4);
    const forged = Buffer.from('portico-lifted-body:000000000000000000000000:0');
    const raw = multipart([textPart, filePart('big.bin', big), filePart('forged.bin', forged)]);

    // Act
    const parsed = await parseMail(raw);

    // Assess
    expect(parsed.ok && parsed.mail.files.map((file) => file.content)).toEqual([big, forged]);
  });

  it('leaves text parts, unclosed parts and unclean base64 to the parser', () => {
    // Prepare
    const long = 'A'.repeat(MIN_LIFTED_BODY_BYTES * 2);
    const text = `Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n${long}`;
    const dirty = filePart('x.bin', randomBytes(MIN_LIFTED_BODY_BYTES * 2)).replace(
      /\r\n\r\n/,
      '\r\n\r\n*'
    );
    const unclosed = Buffer.concat([
      multipart([text]).subarray(0, -8),
      Buffer.from(`\r\n--b1\r\n${filePart('y.bin', randomBytes(MIN_LIFTED_BODY_BYTES * 2))}`),
    ]);

    // Act
    const lifts = [multipart([text]), multipart([dirty]), unclosed].map(
      (raw) => liftBodies(raw).lifted
    );

    // Assess
    expect(lifts).toEqual([0, 0, 0]);
  });
});
