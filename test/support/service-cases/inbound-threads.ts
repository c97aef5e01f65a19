/**
 * What a mail to support attaches to and carries, as cases on any
 * TableStore (inbound.ts runs them): threading by Portico's Message-IDs
 * only, loops, attachments and size.
 */
import { expect, it } from 'vitest';
import type { TableStore } from '#core/table/store';
import { accountWith, composeMail, inboundOn } from '../inbound.ts';
import { ticketsIn } from './ticket-desk.ts';

export const inboundThreads = (open: () => TableStore) => {
  it('threads a reply by In-Reply-To to the ticket whose Message-ID Portico issued', async () => {
    // Prepare
    const store = open();
    const { primary } = await accountWith(store);
    const inbound = inboundOn(store);
    const opened = await inbound.deliver({ raw: await composeMail({ from: primary.email }) });
    const first = await ticketsIn(store).conversation({
      accountId: primary.accountId,
      id: opened.ticketId ?? '',
    });
    const issued = first?.messages[0]?.emailMessageId ?? '';

    // Act
    const reply = await inbound.deliver({
      raw: await composeMail({
        from: primary.email,
        subject: 'Re: Help please',
        text: 'Still down.',
        inReplyTo: issued,
        references: [issued],
      }),
    });

    // Assess
    expect(reply).toMatchObject({ outcome: 'replied', ticketId: opened.ticketId });
    expect(await ticketsIn(store).eventTypes(opened.ticketId ?? '')).toEqual([
      'submitted',
      'replied',
    ]);
  });

  it('never attaches a contact of account A to account B’s ticket by its Message-ID', async () => {
    // Prepare
    const store = open();
    const a = await accountWith(store);
    const b = await accountWith(store);
    const inbound = inboundOn(store);
    const opened = await inbound.deliver({ raw: await composeMail({ from: b.primary.email }) });
    const issued =
      (await ticketsIn(store).conversation({ accountId: b.accountId, id: opened.ticketId ?? '' }))
        ?.messages[0]?.emailMessageId ?? '';

    // Act
    const result = await inbound.deliver({
      raw: await composeMail({ from: a.primary.email, inReplyTo: issued, text: 'Let me in' }),
    });

    // Assess
    expect(result).toMatchObject({ outcome: 'refused', reason: 'thread-not-allowed' });
    expect(await ticketsIn(store).eventTypes(opened.ticketId ?? '')).toEqual(['submitted']);
    expect(await ticketsIn(store).ofAccount(a.accountId)).toEqual([]);
  });

  it('never attaches a reply that names a ticket only in its subject: it opens a new one', async () => {
    // Prepare
    const store = open();
    const { primary } = await accountWith(store);
    const inbound = inboundOn(store);
    const opened = await inbound.deliver({ raw: await composeMail({ from: primary.email }) });

    // Act
    const result = await inbound.deliver({
      raw: await composeMail({
        from: primary.email,
        subject: `Re: [Ticket ${opened.ticketId}] Help please`,
      }),
    });

    // Assess
    expect(result.outcome).toBe('opened');
    expect(result.ticketId).not.toBe(opened.ticketId);
    expect(await ticketsIn(store).eventTypes(opened.ticketId ?? '')).toEqual(['submitted']);
  });

  it('reads the support+<ticketId> address of ticket mail as no account tag: without a Message-ID it opens a new ticket', async () => {
    // Prepare
    const store = open();
    const { primary } = await accountWith(store);
    const inbound = inboundOn(store);
    const opened = await inbound.deliver({ raw: await composeMail({ from: primary.email }) });
    const ticketAddress = `support+${(opened.ticketId ?? '').toLowerCase()}@unit.example`;

    // Act
    const result = await inbound.deliver({
      raw: await composeMail({ from: primary.email, to: ticketAddress }),
      recipients: [ticketAddress],
    });

    // Assess
    expect(result.outcome).toBe('opened');
    expect(result.ticketId).not.toBe(opened.ticketId);
  });

  it.each([
    ['Auto-Submitted: auto-replied', { headers: { 'Auto-Submitted': 'auto-replied' } }, undefined],
    ['Precedence: bulk', { headers: { Precedence: 'bulk' } }, undefined],
    ['a bounce from mailer-daemon', { from: 'MAILER-DAEMON@mx.customer.example' }, ''],
  ])('drops %s silently (no ticket, no answer)', async (_, options, envelopeSender) => {
    // Prepare
    const store = open();
    const { primary } = await accountWith(store);

    // Act
    const result = await inboundOn(store).deliver({
      raw: await composeMail({ from: primary.email, ...options }),
      ...(envelopeSender !== undefined ? { envelopeSender } : {}),
    });

    // Assess
    expect(result).toMatchObject({ outcome: 'dropped', reason: 'loop' });
    expect(await ticketsIn(store).ofAccount(primary.accountId)).toEqual([]);
  });

  it('stores attachments under the ticket and refuses mail with too many', async () => {
    // Prepare
    const store = open();
    const { primary } = await accountWith(store);
    const inbound = inboundOn(store);
    const file = (n: number) => ({ filename: `log-${n}.txt`, content: `line ${n}\n` });

    // Act
    const opened = await inbound.deliver({
      raw: await composeMail({ from: primary.email, attachments: [file(1), file(2)] }),
    });
    const refused = await inbound.deliver({
      raw: await composeMail({
        from: primary.email,
        attachments: Array.from({ length: 11 }, (_, n) => file(n)),
      }),
    });

    // Assess
    const message = (
      await ticketsIn(store).conversation({
        accountId: primary.accountId,
        id: opened.ticketId ?? '',
      })
    )?.messages[0];
    expect(message?.attachments?.map((a) => a.filename)).toEqual(['log-1.txt', 'log-2.txt']);
    expect(message?.attachments?.map((a) => Object.keys(a).sort())).toEqual(
      Array(2).fill(['contentType', 'filename', 'key', 'size'])
    );
    for (const attachment of message?.attachments ?? []) {
      expect(
        attachment.key.startsWith(`attachments/${primary.accountId}/${opened.ticketId}/`)
      ).toBe(true);
      expect(inbound.bucket.objects.has(attachment.key)).toBe(true);
    }
    expect(refused).toMatchObject({ outcome: 'refused', reason: 'too-many-attachments' });
  });

  it('refuses oversize mail with an explanation, before parsing it', async () => {
    // Prepare
    const store = open();
    const { primary } = await accountWith(store);
    const raw = await composeMail({ from: primary.email, text: 'x'.repeat(11 * 1024 * 1024) });

    // Act
    const result = await inboundOn(store).deliver({ raw });

    // Assess
    expect(result).toMatchObject({ outcome: 'refused', reason: 'too-large', replied: true });
  });
};
