import { describe, expect, it } from 'vitest';
import { serviceTagOf, supportTagOf } from '../../functions/inbound/addresses.ts';
import { addressIn } from '../../functions/inbound/event.ts';
import { loopReason } from '../../functions/inbound/loop-guard.ts';
import { trimQuotedHistory } from '../../functions/inbound/quotes.ts';
import { judgeVerdicts } from '../../functions/inbound/verdicts.ts';

const pass = { status: 'PASS' };
const fail = { status: 'FAIL' };

describe('judgeVerdicts', () => {
  it.each([
    ['SPF pass, DMARC pass', { spfVerdict: pass, dkimVerdict: fail, dmarcVerdict: pass }, true],
    ['DKIM pass, DMARC pass', { spfVerdict: fail, dkimVerdict: pass, dmarcVerdict: pass }, true],
    [
      'SPF and DKIM pass, DMARC fail (not aligned)',
      { spfVerdict: pass, dkimVerdict: pass, dmarcVerdict: fail },
      false,
    ],
    [
      'DMARC fail under p=none',
      { spfVerdict: pass, dmarcVerdict: fail, dmarcPolicy: 'none' },
      false,
    ],
    [
      'DMARC gray (no record)',
      { spfVerdict: pass, dkimVerdict: pass, dmarcVerdict: { status: 'GRAY' } },
      false,
    ],
    [
      'DMARC processing failed',
      { spfVerdict: pass, dmarcVerdict: { status: 'PROCESSING_FAILED' } },
      false,
    ],
    ['no verdicts at all', {}, false],
  ])('%s → accepted %s', (_, receipt, accepted) => {
    // Act
    const decision = judgeVerdicts(receipt);

    // Assess
    expect(decision.accepted).toBe(accepted);
  });

  it('refuses spam or a virus even when authenticated', () => {
    // Act
    const spam = judgeVerdicts({
      spfVerdict: pass,
      dkimVerdict: pass,
      dmarcVerdict: pass,
      spamVerdict: fail,
    });
    const virus = judgeVerdicts({
      spfVerdict: pass,
      dkimVerdict: pass,
      dmarcVerdict: pass,
      virusVerdict: fail,
    });

    // Assess
    expect(spam).toMatchObject({ accepted: false, reason: 'spam-or-virus' });
    expect(virus).toMatchObject({ accepted: false, reason: 'spam-or-virus' });
  });
});

describe('loopReason', () => {
  const facts = (
    headers: Record<string, string>,
    from = 'pat@customer.example',
    envelopeSender = from
  ) => ({
    header: (name: string) => headers[name],
    from,
    envelopeSender,
    ownDomains: ['portico.example'],
  });

  it.each([
    ['Auto-Submitted: auto-replied', facts({ 'auto-submitted': 'auto-replied' })],
    ['Auto-Submitted: auto-generated', facts({ 'auto-submitted': 'Auto-Generated' })],
    ['Precedence: list', facts({ precedence: 'list' })],
    ['Precedence: junk', facts({ precedence: 'junk' })],
    ['a null envelope sender', facts({}, 'pat@customer.example', '')],
    ['mailer-daemon', facts({}, 'MAILER-DAEMON@mx.example')],
    ['postmaster', facts({}, 'postmaster@customer.example')],
    ['our own address', facts({}, 'support@portico.example')],
    ['X-Autoreply', facts({ 'x-autoreply': 'yes' })],
    ['X-Autorespond', facts({ 'x-autorespond': 'vacation' })],
    ['a noreply From', facts({}, 'noreply@shop.example')],
    ['a no-reply envelope sender', facts({}, 'pat@customer.example', 'no-reply@bounce.example')],
    ['no From address', facts({}, '', 'pat@customer.example')],
  ])('flags %s', (_, given) => {
    // Act / Assess
    expect(loopReason(given)).toBeDefined();
  });

  it('lets a person’s mail through, Auto-Submitted: no included', () => {
    // Act / Assess
    expect(
      loopReason(facts({ 'auto-submitted': 'no', precedence: 'first-class' }))
    ).toBeUndefined();
  });
});

describe('trimQuotedHistory', () => {
  it.each([
    [
      'a Gmail attribution',
      'New text\n\nOn Mon, 1 Jan 2026 at 10:00, Helpdesk <s@p.example> wrote:\n> old\n> older',
    ],
    [
      'an Outlook separator',
      'New text\r\n\r\n-----Original Message-----\r\nFrom: Helpdesk\r\nSent: Monday',
    ],
    [
      'an Outlook header block',
      'New text\n\nFrom: Helpdesk <s@p.example>\nSent: Monday\nTo: Pat\nSubject: Re: x\n\nold',
    ],
    ['trailing > lines', 'New text\n\n> old\n>\n> older\n'],
  ])('cuts %s', (_, text) => {
    // Act / Assess
    expect(trimQuotedHistory(text)).toBe('New text');
  });

  it('keeps > lines written between new paragraphs, and a quote-only mail whole', () => {
    // Act / Assess
    expect(trimQuotedHistory('You said:\n> this\nI disagree.')).toBe(
      'You said:\n> this\nI disagree.'
    );
    expect(trimQuotedHistory('> only a quote')).toBe('> only a quote');
  });
});

describe('addresses', () => {
  it('reads the account tag of the support address, case and brackets aside', () => {
    // Act / Assess
    expect(supportTagOf('Support+ACC-1@Portico.example', 'support@portico.example')).toEqual({
      tag: 'acc-1',
    });
    expect(supportTagOf('support@portico.example', 'support@portico.example')).toEqual({
      tag: undefined,
    });
    expect(supportTagOf('sales+x@portico.example', 'support@portico.example')).toBeUndefined();
    expect(supportTagOf('support+x@evil.example', 'support@portico.example')).toBeUndefined();
  });

  it('reads a service tag from the subject and removes it', () => {
    // Act / Assess
    expect(serviceTagOf('Down [service: svc-1] again')).toEqual({
      serviceId: 'svc-1',
      subject: 'Down again',
    });
    expect(serviceTagOf('Nothing tagged')).toEqual({ subject: 'Nothing tagged' });
  });

  it('normalises the address of a From header', () => {
    // Act / Assess
    expect(addressIn('"Pat, Example" <Pat@Customer.Example>')).toBe('pat@customer.example');
    expect(addressIn('pat@customer.example')).toBe('pat@customer.example');
    expect(addressIn(undefined)).toBe('');
  });
});
