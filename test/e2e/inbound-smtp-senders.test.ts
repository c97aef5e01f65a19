/**
 * Who may write to support, over SMTP to the local ingress: an address no
 * account knows, a sub-account suspended or without `tickets`, a contact
 * with support mail off, an isolated support contact and its services, an
 * address that is a contact of two accounts. Each mail passes SPF and
 * DMARC, so only the sender rules decide.
 */
import { describe, expect, it } from 'vitest';
import { ALL_EMAIL_PREFERENCES } from '#core/entities/contact';
import { addService } from '../support/services.ts';
import { type Reader, SUPPORT, useSmtpSupport } from '../support/smtp-mail.ts';
import { addContact, addSubAccountLogin, signedInTenant } from '../support/tenants.ts';

const LABEL = 'Inboundsenders';
const smtp = useSmtpSupport([LABEL]);

/** The support address of one account (`support+<accountId>@`). */
const accountAddress = (reader: Reader) => SUPPORT.replace('@', `+${reader.tenant.accountId}@`);

/** Another address at the tenant's own domain. */
const colleagueOf = (reader: Reader, local: string) =>
  `${local}-${reader.tenant.loginId.slice(0, 8)}@${reader.tenant.email.split('@')[1]}`;

const NOT_ALLOWED = 'may not open or answer tickets by mail';

describe('who may write to support by mail (SMTP)', () => {
  it('refuses an address no account knows, even at the account’s own support address and domain', async () => {
    // Prepare
    const reader = await signedInTenant(LABEL);
    const mail = {
      reader,
      from: colleagueOf(reader, 'colleague'),
      subject: 'Who am I',
      since: new Date(),
    };

    // Act
    await smtp.send({
      from: mail.from,
      to: accountAddress(reader),
      subject: mail.subject,
      text: 'Please reset the DNS.',
    });

    // Assess
    await smtp.expectRefused({
      ...mail,
      reason: 'not-registered',
      because: 'the sender address is not registered as a contact of the account',
    });
  });

  it.each([
    [
      'a suspended sub-account',
      (reader: Reader) => addSubAccountLogin(reader.tenant, ['tickets'], 'suspended'),
    ],
    [
      'a sub-account without the tickets permission',
      (reader: Reader) => addSubAccountLogin(reader.tenant, ['invoices', 'services']),
    ],
    [
      'a contact with support mail off',
      (reader: Reader) =>
        addContact(reader.tenant, colleagueOf(reader, 'quiet'), {
          emailPreferences: { ...ALL_EMAIL_PREFERENCES, support: false },
        }),
    ],
  ])('refuses %s as not allowed, opening nothing', async (_, makeSender) => {
    // Prepare
    const reader = await signedInTenant(LABEL);
    const { email } = await makeSender(reader);
    const mail = { reader, from: email, subject: 'Let me in', since: new Date() };

    // Act
    await smtp.send({ from: email, subject: mail.subject, text: 'The site is slow.' });

    // Assess
    await smtp.expectRefused({ ...mail, reason: 'not-allowed', because: NOT_ALLOWED });
  });

  it('refuses an isolated support contact writing about a service not assigned to it, and opens its own service’s ticket', async () => {
    // Prepare
    const reader = await signedInTenant(LABEL);
    const [mine, foreign] = await Promise.all([
      addService(reader.tenant, { type: 'vps' }),
      addService(reader.tenant, { type: 'hosting' }),
    ]);
    const isolated = await addSubAccountLogin(reader.tenant, ['tickets'], 'active', {
      scope: 'isolated',
      services: [mine],
    });
    const refused = {
      reader,
      from: isolated.email,
      subject: `Down [service:${foreign.id}]`,
      since: new Date(),
    };

    // Act
    await smtp.send({ from: isolated.email, subject: refused.subject, text: 'Is it down?' });
    await smtp.expectRefused({
      ...refused,
      reason: 'service-not-allowed',
      because: 'it names a service your support access does not cover',
    });
    await smtp.send({
      from: isolated.email,
      subject: `VPS down [service:${mine.id}]`,
      text: 'It answers no ping.',
    });

    // Assess
    const ticket = await smtp.ticketNamed(reader, 'VPS down');
    expect(ticket.serviceId).toBe(mine.id);
    expect((await smtp.messagesOf(reader, ticket.id)).map((m) => m.body)).toEqual([
      'It answers no ping.',
    ]);
  });

  it('asks an address that is a contact of two accounts to use the account’s own address, which then opens the ticket there', async () => {
    // Prepare: the primary of one account is also a support contact (no login) of another.
    const [first, second] = await Promise.all([signedInTenant(LABEL), signedInTenant(LABEL)]);
    await addContact(second.tenant, first.tenant.email, { supportScope: 'global' });
    const ambiguous = {
      reader: second,
      from: first.tenant.email,
      subject: 'Which account',
      since: new Date(),
    };

    // Act
    await smtp.send({ from: ambiguous.from, subject: ambiguous.subject, text: 'Renew it.' });
    const answer = await smtp.expectRefused({
      ...ambiguous,
      reason: 'several-accounts',
      because: 'the sender address is a contact of several accounts',
    });
    await smtp.send({
      from: ambiguous.from,
      to: accountAddress(second),
      subject: 'Renew the domain',
      text: 'Renew it, please.',
    });

    // Assess
    const ticket = await smtp.ticketNamed(second, 'Renew the domain');
    expect((await smtp.messagesOf(second, ticket.id)).map((m) => m.body)).toEqual([
      'Renew it, please.',
    ]);
    expect(await smtp.ticketsOf(first)).toEqual([]);
    for (const reader of [first, second])
      expect(answer.body.text).toContain(accountAddress(reader));
  });
});
