import { describe, expect, it } from 'vitest';
import { renderInvoiceMail, renderNoticeMail } from '../../functions/notify/category-mail.ts';

const fields = { name: '<b>Ana</b>', account: 'Acme & "Sons"', service: 'vps-<1>' };
const notice = {
  category: 'general' as const,
  subject: 'Maintenance of {service}',
  text: 'Dear {name}, {service} of {account} restarts. {unknown} stays.',
};

describe('renderNoticeMail', () => {
  it('fills the fields in the text as written, and escapes them in the HTML', () => {
    // Act
    const mail = renderNoticeMail({
      notice: { ...notice, html: '<p>Dear {name}</p><p>{service} of <b>{account}</b></p>' },
      fields,
      language: 'en',
    });

    // Assess
    expect(mail.subject).toBe('Maintenance of vps-<1>');
    expect(mail.text).toContain(
      'Dear <b>Ana</b>, vps-<1> of Acme & "Sons" restarts. {unknown} stays.'
    );
    expect(mail.html).toContain('<p>Dear &lt;b&gt;Ana&lt;/b&gt;</p>');
    expect(mail.html).toContain('vps-&lt;1&gt; of <b>Acme &amp; &quot;Sons&quot;</b>');
  });

  it('escapes the whole text when staff send no HTML, and writes Spanish to a Spanish contact', () => {
    // Act
    const mail = renderNoticeMail({ notice, fields, language: 'es' });

    // Assess
    expect(mail.html).toContain('Dear &lt;b&gt;Ana&lt;/b&gt;');
    expect(mail.html).toContain('<html lang="es">');
    expect(mail.text).toContain(
      'Recibe este correo porque tiene activado el correo de mantenimiento'
    );
  });

  it('keeps the subject on one line whatever the fields hold', () => {
    // Act
    const mail = renderNoticeMail({
      notice,
      fields: { ...fields, service: 'a\r\nBcc: x@y' },
      language: 'en',
    });

    // Assess
    expect(mail.subject).toBe('Maintenance of a Bcc: x@y');
  });
});

describe('renderInvoiceMail', () => {
  const invoice = { number: 'INV-1', total: '121.00', currency: 'EUR', dueAt: '2026-12-31' };

  it('names the number, the total with its currency and the due date, in English', () => {
    // Act
    const mail = renderInvoiceMail(invoice, fields, 'en');

    // Assess
    expect(mail.subject).toBe('Invoice INV-1: 121.00 EUR, due 2026-12-31');
    expect(mail.text).toContain('Total: 121.00 EUR');
    expect(mail.text).toContain('client area, under Invoices');
    expect(mail.html).toContain('Hello &lt;b&gt;Ana&lt;/b&gt;,');
  });

  it('writes Spanish with the decimal comma', () => {
    // Act
    const mail = renderInvoiceMail(invoice, fields, 'es');

    // Assess
    expect(mail.subject).toBe('Factura INV-1: 121,00 EUR, vence el 2026-12-31');
    expect(mail.text).toContain('Vencimiento: 2026-12-31');
  });
});
