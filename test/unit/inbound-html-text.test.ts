/**
 * Mail that came as HTML only: its ticket text is the HTML turned into
 * text (the converter loads on the first such mail), and HTML built to
 * make the converter work for seconds is never converted.
 */
import { describe, expect, it } from 'vitest';
import { MAX_HTML_CHARS, MAX_HTML_DEPTH, textOfHtml } from '../../functions/inbound/html-text.ts';
import { parseMail } from '../../functions/inbound/parse.ts';

const mail = (contentType: string, body: string) =>
  Buffer.from(
    [
      'From: Ana <ana@example.org>',
      'To: support@example.com',
      'Subject: html',
      `Content-Type: ${contentType}`,
      '',
      body,
      '',
    ].join('\r\n')
  );

const alternative = (text: string, html: string) =>
  [
    '--alt',
    'Content-Type: text/plain; charset=utf-8',
    '',
    text,
    '--alt',
    'Content-Type: text/html; charset=utf-8',
    '',
    html,
    '--alt--',
  ].join('\r\n');

describe('HTML-only inbound mail', () => {
  it('becomes the text of the ticket: paragraphs, list items and entities, no tags', async () => {
    // Prepare
    const raw = mail(
      'text/html; charset=utf-8',
      '<html><head><style>p{color:red}</style></head><body><p>Hello &amp; welcome</p><ul><li>one</li><li>two</li></ul><script>alert(1)</script></body></html>'
    );

    // Act
    const outcome = await parseMail(raw);

    // Assess
    expect(outcome.ok).toBe(true);
    const body = outcome.ok ? outcome.mail.body : '';
    expect(body).toContain('Hello & welcome');
    expect(body).toMatch(/one[\s\S]*two/);
    expect(body).not.toMatch(/[<>]|color:red|alert\(1\)/);
  });

  it('uses the text part, not the HTML, when the mail has both', async () => {
    // Prepare
    const raw = mail(
      'multipart/alternative; boundary="alt"',
      alternative('Plain words here', '<p>HTML words here</p>')
    );

    // Act
    const outcome = await parseMail(raw);

    // Assess
    expect(outcome.ok && outcome.mail.body).toBe('Plain words here');
  });

  it('never converts HTML nested deeper than the limit: the mail counts as empty', async () => {
    // Prepare
    const depth = MAX_HTML_DEPTH + 1;
    const raw = mail(
      'text/html; charset=utf-8',
      `${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}`
    );

    // Act
    const outcome = await parseMail(raw);

    // Assess
    expect(outcome).toEqual({ ok: false, reason: 'empty' });
  });

  it('never converts HTML longer than the limit', async () => {
    // Prepare
    const html = `<p>${'x'.repeat(MAX_HTML_CHARS)}</p>`;

    // Act
    const text = await textOfHtml(html);

    // Assess
    expect(text).toBe('');
  });

  it('converts HTML just within the depth limit', async () => {
    // Prepare
    const depth = MAX_HTML_DEPTH - 1;
    const html = `${'<div>'.repeat(depth)}inside${'</div>'.repeat(depth)}`;

    // Act
    const text = await textOfHtml(html);

    // Assess
    expect(text.trim()).toBe('inside');
  });
});
