/**
 * Who may write to support, over SMTP to the local ingress: an address no
 * account knows, a sub-account suspended or without `tickets`, a contact
 * with support mail off, an isolated support contact and its services, a
 * service the account does not have, an address that is a contact of two
 * accounts. Each mail passes SPF and
 * DMARC, so only the sender rules decide.
 */
import { randomUUID } from 'node:crypto';
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

/** A fresh account with two services and a sub-account supporting only the first (isolated). */
const isolatedContactOf = async () => {
  const reader = await signedInTenant(LABEL);
  const [mine, foreign] = await Promise.all([
    addService(reader.tenant, { type: 'vps' }),
    addService(reader.tenant, { type: 'hosting' }),
  ]);
  const isolated = await addSubAccountLogin(reader.tenant, ['tickets'], 'active', {
    scope: 'isolated',
    services: [mine],
  });
  return { reader, mine, foreign, from: isolated.email };
};

/** Two fresh accounts; the first's primary address is also a support contact (no login) of the second. */
const sharedAddress = async () => {
  const [first, second] = await Promise.all([signedInTenant(LABEL), signedInTenant(LABEL)]);
  await addContact(second.tenant, first.tenant.email, { supportScope: 'global' });
  return { first, second, from: first.tenant.email };
};

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

  it('refuses an isolated support contact writing about a service not assigned to it', async () => {
    // Prepare
    const { reader, foreign, from } = await isolatedContactOf();
    const mail = { reader, from, subject: `Down [service:${foreign.id}]`, since: new Date() };

    // Act
    await smtp.send({ from, subject: mail.subject, text: 'Is it down?' });

    // Assess
    await smtp.expectRefused({
      ...mail,
      reason: 'service-not-allowed',
      because: 'it names a service your support access does not cover',
    });
  });

  it('opens the ticket of an isolated support contact about its own service, tag removed', async () => {
    // Prepare
    const { reader, mine, from } = await isolatedContactOf();

    // Act
    await smtp.send({ from, subject: `VPS down [service:${mine.id}]`, text: 'No ping.' });

    // Assess
    const ticket = await smtp.ticketNamed(reader, 'VPS down');
    expect(ticket.serviceId).toBe(mine.id);
    expect((await smtp.messagesOf(reader, ticket.id)).map((m) => m.body)).toEqual(['No ping.']);
  });

  it('refuses a service tag naming a service the account does not have', async () => {
    // Prepare
    const reader = await signedInTenant(LABEL);
    const subject = `Down [service:${randomUUID()}]`;
    const mail = { reader, from: reader.tenant.email, subject, since: new Date() };

    // Act
    await smtp.send({ from: mail.from, subject, text: 'Which one is down?' });

    // Assess
    await smtp.expectRefused({
      ...mail,
      reason: 'unknown-service',
      because: 'it names a service the account does not have',
    });
  });

  it('asks an address that is a contact of two accounts to write to the account’s own address', async () => {
    // Prepare
    const { first, second, from } = await sharedAddress();
    const mail = { reader: second, from, subject: 'Which account', since: new Date() };

    // Act
    await smtp.send({ from, subject: mail.subject, text: 'Renew it.' });

    // Assess
    const answer = await smtp.expectRefused({
      ...mail,
      reason: 'several-accounts',
      because: 'the sender address is a contact of several accounts',
    });
    for (const reader of [first, second]) {
      expect(answer.body.text).toContain(accountAddress(reader));
    }
    expect(await smtp.ticketsOf(first)).toEqual([]);
  });

  it('opens the ticket of an address on two accounts in the account its support address names', async () => {
    // Prepare
    const { first, second, from } = await sharedAddress();

    // Act
    await smtp.send({
      from,
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
  });
});
