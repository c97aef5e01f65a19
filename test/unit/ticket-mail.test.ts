import { describe, expect, it } from 'vitest';
import { renderTicketMail, type TicketMailInput } from '../../functions/notify/ticket-mail.ts';

const input = (overrides: Partial<TicketMailInput> = {}): TicketMailInput => ({
  event: {
    type: 'answered',
    ticketId: 't-123',
    subject: 'Website down',
    author: { kind: 'staff', staffId: 's-1', username: 'jdoe', name: 'Helpdesk' },
    emailMessageId: 'm-2@mail.portico.example',
    rootEmailMessageId: 'm-1@mail.portico.example',
    inReplyTo: 'm-1@mail.portico.example',
  },
  accountName: 'Acme Ltd',
  body: 'We restarted the server.',
  recipient: { name: 'Ada', language: 'en' },
  supportAddress: 'support@portico.example',
  ...overrides,
});

describe('renderTicketMail', () => {
  it('threads the mail under the ticket and answers to the ticket’s own address', () => {
    // Act
    const mail = renderTicketMail(input());

    // Assess
    expect(mail.headers).toEqual({
      'Message-ID': '<m-2@mail.portico.example>',
      'In-Reply-To': '<m-1@mail.portico.example>',
      References: '<m-1@mail.portico.example>',
      'Reply-To': 'support+t-123@portico.example',
      'Auto-Submitted': 'auto-generated',
    });
    expect(mail.subject).toBe('[Answer] Website down');
    expect(mail.text).toContain('We restarted the server.');
    expect(`${mail.text}${mail.html}`).not.toContain('jdoe');
  });

  it('writes in Spanish for a Spanish contact, in English for any other language', () => {
    // Act
    const spanish = renderTicketMail(input({ recipient: { name: 'Ana', language: 'es' } }));
    const other = renderTicketMail(input({ recipient: { name: 'Jo', language: 'fr' } }));

    // Assess
    expect(spanish.subject).toBe('[Respuesta] Website down');
    expect(spanish.text).toContain('Nuestro equipo de soporte respondió');
    expect(spanish.html).toContain('lang="es"');
    expect(other.text).toContain('Our support team answered');
  });

  it('keeps customer text as data: no header injection, no markup in the HTML part', () => {
    // Prepare
    const hostile = input({
      event: {
        ...input().event,
        type: 'replied',
        subject: 'Hi\r\nBcc: victim@example.com',
        author: {
          kind: 'contact',
          contactId: 'c-1',
          name: '<img src=x onerror=alert(1)>',
          email: 'a@x.example',
        },
      },
      body: '<script>alert(1)</script>',
      accountName: 'Acme" onmouseover="x',
    });

    // Act
    const mail = renderTicketMail(hostile);

    // Assess
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.html).toContain('Acme&quot; onmouseover=&quot;x');
  });

  it('leaves the message out of a close, and sends no thread headers it does not have', () => {
    // Act
    const mail = renderTicketMail(
      input({
        event: {
          type: 'closed',
          ticketId: 't-9',
          subject: 'Done',
          author: { kind: 'staff', staffId: 's-1', username: 'jdoe', name: 'Helpdesk' },
          rootEmailMessageId: 'm-1@mail.portico.example',
        },
        body: undefined,
      })
    );

    // Assess
    expect(mail.headers['Message-ID']).toBeUndefined();
    expect(mail.headers['In-Reply-To']).toBeUndefined();
    expect(mail.headers.References).toBe('<m-1@mail.portico.example>');
    expect(mail.text).not.toContain('Message:');
  });
});
