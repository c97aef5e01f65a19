/**
 * One-click unsubscribe end to end: a ticket mail in the SES emulator
 * carries the RFC 8058 headers, POSTing its link turns `support` off for
 * that contact (audited like any preference change) and the next ticket
 * mails it no more; GET changes nothing. The attacker's side: a link opens
 * nothing but its own contact and category, and says nothing of anyone.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { contactKeys, fromContactItem } from '#core/entities/contact';
import type { Delivery } from '#core/entities/delivery';
import { tableStore } from '#core/table/function-store';
import type { ApiResponse } from '../support/http.ts';
import { headerOf, mailTo, type StoredEmail, waitForMail } from '../support/mailbox.ts';
import { problemType } from '../support/problems.ts';
import { addContact, createTenant, type Tenant } from '../support/tenants.ts';
import { deliveriesOf, uniqueAddress } from '../support/ticket-mail.ts';
import { storedEvents, useTicketTenant } from '../support/tickets.ts';
import { FORM, ONE_CLICK, signedUnsubscribeToken } from '../support/unsubscribe.ts';

const desk = useTicketTenant('Unsubscribe');
let other: Tenant;
let reader: { contactId: string; email: string };
let neighbour: { contactId: string; email: string };
let readerMail: StoredEmail;
let primaryMail: StoredEmail;

const DAY = 24 * 3600 * 1000;

/** The path and query of the mail's link, sent to this file's gateway (the stack's points elsewhere). */
const linkOf = (mail: StoredEmail) => {
  const url = new URL(/^<(.+)>$/.exec(headerOf(mail, 'List-Unsubscribe') ?? '')?.[1] ?? '');
  return `${url.pathname}${url.search}`;
};

/** What a mail provider sends for a one-click unsubscribe. */
const oneClick = (path: string) =>
  desk.gateway.api('POST', path, { rawBody: ONE_CLICK, headers: { 'content-type': FORM } });

const contactNow = async (contactId: string) => {
  const response = await desk.api(
    'GET',
    `/accounts/${desk.tenant.accountId}/contacts/${contactId}`
  );
  expect(response.status, response.text).toBe(200);
  return response.body as { version: number; emailPreferences: Record<string, boolean> };
};

const auditOf = async (contactId: string) => {
  const response = await desk.api('GET', `/accounts/${desk.tenant.accountId}/audit?limit=100`);
  expect(response.status, response.text).toBe(200);
  return (response.body.items as { target: string; action: string; actor: unknown }[]).filter(
    (entry) => entry.target === `contact/${contactId}`
  );
};

const linkFor = (claims: { accountId: string; contactId: string }, at?: Date) =>
  `/unsubscribe?token=${signedUnsubscribeToken({ ...claims, category: 'support' }, at)}`;

/** The deliveries of a ticket's first event, once `count` are written (one fan-out writes all). */
const deliveriesOfTicket = async (ticketId: string, count: number): Promise<Delivery[]> => {
  for (let waited = 0; waited < 20_000; waited += 200) {
    const [event] = await storedEvents(ticketId);
    const deliveries = event ? await deliveriesOf(tableStore, event.id) : [];
    if (deliveries.length >= count) {
      // The fan-out writes its deliveries at once: let a wrong extra one land before judging.
      await new Promise((resolve) => setTimeout(resolve, 500));
      return deliveriesOf(tableStore, event?.id ?? '');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`ticket ${ticketId}: fewer than ${count} deliveries after 20 s`);
};

const expectProblem = (response: ApiResponse, status: number, type: string) => {
  expect(response.status, response.text).toBe(status);
  expect(response.body.type).toBe(type);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
};

beforeAll(async () => {
  other = await createTenant('Unsubscribeother');
  reader = await addContact(desk.tenant, uniqueAddress('reader'), { supportScope: 'global' });
  neighbour = await addContact(desk.tenant, uniqueAddress('neighbour'), {
    supportScope: 'global',
  });
  const subject = `Mail bounces ${randomUUID().slice(0, 8)}`;
  await desk.open({ subject });
  [readerMail, primaryMail] = await Promise.all([
    waitForMail(reader.email, `[New ticket] ${subject}`, 20_000),
    waitForMail(desk.tenant.email, `[New ticket] ${subject}`, 20_000),
  ]);
}, 60_000);

describe('unsubscribe headers in ticket mail', () => {
  it('gives a support contact’s ticket mail a one-click link to /unsubscribe with a token', () => {
    // Assess
    expect(headerOf(readerMail, 'List-Unsubscribe')).toMatch(
      /^<https?:\/\/[^>\s]+\/unsubscribe\?token=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}>$/
    );
    expect(headerOf(readerMail, 'List-Unsubscribe-Post')).toBe(ONE_CLICK);
  });

  it('gives the primary’s ticket mail neither header: it gets every ticket mail whatever it sets', () => {
    // Assess
    expect(headerOf(primaryMail, 'List-Unsubscribe')).toBeUndefined();
    expect(headerOf(primaryMail, 'List-Unsubscribe-Post')).toBeUndefined();
  });

  it('gives security mail (an invitation after an account request) no unsubscribe header', async () => {
    // Prepare
    const person = await addContact(desk.tenant, uniqueAddress('asker'));

    // Act
    const response = await desk.gateway.api('POST', '/account-requests', {
      body: { contractNumber: desk.tenant.contractNumber, email: person.email },
    });

    // Assess
    expect(response.status, response.text).toBe(202);
    const deadline = Date.now() + 15_000;
    let mails = await mailTo(person.email);
    while (mails.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      mails = await mailTo(person.email);
    }
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) {
      expect(headerOf(mail, 'List-Unsubscribe'), mail.subject).toBeUndefined();
      expect(headerOf(mail, 'List-Unsubscribe-Post'), mail.subject).toBeUndefined();
    }
  });
});

describe('GET /unsubscribe', () => {
  it('says what the link would do (category, masked address, on now) and changes nothing: same contact version, no audit entry', async () => {
    // Prepare
    const before = await contactNow(reader.contactId);

    // Act
    const response = await desk.gateway.api('GET', linkOf(readerMail));

    // Assess
    expect(response.status, response.text).toBe(200);
    expect(response.body).toEqual({
      category: 'support',
      address: `${reader.email.slice(0, 1)}${'*'.repeat(reader.email.indexOf('@') - 1)}${reader.email.slice(reader.email.indexOf('@'))}`,
      subscribed: true,
    });
    expect(response.text).not.toContain(reader.email);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await contactNow(reader.contactId)).toEqual(before);
    expect(await auditOf(reader.contactId)).toEqual([]);
  });
});

describe('POST /unsubscribe (one click)', () => {
  it('turns support off for that contact only, audited with the contact itself as the actor', async () => {
    // Prepare
    const before = await contactNow(reader.contactId);

    // Act
    const response = await oneClick(linkOf(readerMail));

    // Assess
    expect(response.status, response.text).toBe(200);
    expect(response.body).toMatchObject({ category: 'support', subscribed: false });
    const after = await contactNow(reader.contactId);
    expect(after.version).toBe(before.version + 1);
    expect(after.emailPreferences).toEqual({ ...before.emailPreferences, support: false });
    expect((await contactNow(neighbour.contactId)).emailPreferences.support).toBe(true);
    expect(await auditOf(reader.contactId)).toEqual([
      expect.objectContaining({
        action: 'contact.unsubscribed',
        actor: { kind: 'contact', via: 'unsubscribe-link', name: 'Plain Contact' },
        changes: {
          emailPreferences: { before: before.emailPreferences, after: after.emailPreferences },
        },
      }),
    ]);
  });

  it('answers a replay of a used link the same and writes nothing (version and audit unchanged)', async () => {
    // Prepare
    const before = await contactNow(reader.contactId);

    // Act
    const again = await oneClick(linkOf(readerMail));

    // Assess
    expect(again.status, again.text).toBe(200);
    expect(again.body).toMatchObject({ category: 'support', subscribed: false });
    expect(await contactNow(reader.contactId)).toEqual(before);
    expect(await auditOf(reader.contactId)).toHaveLength(1);
  });

  it('mails the unsubscribed contact no more on the next ticket event, its neighbour still', async () => {
    // Act
    const ticket = await desk.open({ subject: `After unsubscribing ${randomUUID().slice(0, 8)}` });

    // Assess
    const addresses = (await deliveriesOfTicket(ticket.id, 2)).map((d) => d.address);
    expect(addresses).toContain(neighbour.email);
    expect(addresses).toContain(desk.tenant.email);
    expect(addresses).not.toContain(reader.email);
  });

  it('refuses a body other than RFC 8058’s, and changes nothing', async () => {
    // Prepare
    const target = await addContact(desk.tenant, uniqueAddress('body'), { supportScope: 'global' });
    const link = linkFor({ accountId: desk.tenant.accountId, ...target });

    // Act
    const json = await desk.gateway.api('POST', link, {
      body: { 'List-Unsubscribe': 'One-Click' },
    });
    const wrong = await desk.gateway.api('POST', link, {
      rawBody: 'List-Unsubscribe=Yes',
      headers: { 'content-type': FORM },
    });
    const twice = await desk.gateway.api('POST', link, {
      rawBody: `${ONE_CLICK}&${ONE_CLICK}`,
      headers: { 'content-type': FORM },
    });

    // Assess
    expectProblem(json, 415, problemType('unsupportedMediaType'));
    expectProblem(wrong, 400, problemType('validationFailed'));
    expectProblem(twice, 400, problemType('validationFailed'));
    expect((await contactNow(target.contactId)).emailPreferences.support).toBe(true);
  });
});

describe('unsubscribe links under attack', () => {
  it('a link of contact A cannot be turned into one of contact B, another account or another category: 400, nothing changes', async () => {
    // Prepare
    const token = new URL(linkOf(readerMail), 'http://x').searchParams.get('token') ?? '';
    const [payload = '', mac = ''] = token.split('.');
    const text = Buffer.from(payload, 'base64url').toString();
    const stranger = await addContact(other, uniqueAddress('stranger'), {
      supportScope: 'global',
    });
    const forge = (from: string, to: string) =>
      `/unsubscribe?token=${Buffer.from(text.replace(from, to)).toString('base64url')}.${mac}`;
    const attempts = [
      forge(reader.contactId, neighbour.contactId),
      forge(
        `${desk.tenant.accountId} ${reader.contactId}`,
        `${other.accountId} ${stranger.contactId}`
      ),
      forge(' support ', ' general '),
    ];

    // Act
    const answers = await Promise.all(
      attempts.flatMap((path) => [oneClick(path), desk.gateway.api('GET', path)])
    );

    // Assess
    for (const answer of answers) expectProblem(answer, 400, problemType('invalidUnsubscribeLink'));
    expect((await contactNow(neighbour.contactId)).emailPreferences.support).toBe(true);
    const strangerItem = await tableStore.get({
      Key: contactKeys({ accountId: other.accountId, contactId: stranger.contactId }),
    });
    expect(strangerItem && fromContactItem(strangerItem).emailPreferences.support).toBe(true);
  });

  it('a genuine link with parameters added (another contact id, a second token) is refused: 400, nothing changes', async () => {
    // Prepare
    const link = linkFor({ accountId: desk.tenant.accountId, ...neighbour });
    const otherToken = linkFor({ accountId: desk.tenant.accountId, ...reader }).split('=')[1];

    // Act
    const answers = await Promise.all([
      oneClick(`${link}&contactId=${reader.contactId}`),
      oneClick(`${link}&token=${otherToken}`),
      oneClick(`${link}&category=general`),
    ]);

    // Assess
    for (const answer of answers) expectProblem(answer, 400, problemType('validationFailed'));
    expect((await contactNow(neighbour.contactId)).emailPreferences.support).toBe(true);
  });

  it('an expired link is gone (410) and changes nothing', async () => {
    // Prepare
    const expired = linkFor(
      { accountId: desk.tenant.accountId, ...neighbour },
      new Date(Date.now() - 61 * DAY)
    );

    // Act
    const [post, get] = [await oneClick(expired), await desk.gateway.api('GET', expired)];

    // Assess
    expectProblem(post, 410, problemType('unsubscribeLinkGone'));
    expectProblem(get, 410, problemType('unsubscribeLinkGone'));
    expect((await contactNow(neighbour.contactId)).emailPreferences.support).toBe(true);
  });

  it('cannot tell a removed contact or account from an expired link: the same 410, word for word', async () => {
    // Prepare
    const expired = await oneClick(
      linkFor({ accountId: desk.tenant.accountId, ...neighbour }, new Date(Date.now() - 61 * DAY))
    );
    const removedContact = linkFor({ accountId: desk.tenant.accountId, contactId: randomUUID() });
    const removedAccount = linkFor({ accountId: randomUUID(), contactId: neighbour.contactId });

    // Act
    const answers = [
      await oneClick(removedContact),
      await desk.gateway.api('GET', removedContact),
      await oneClick(removedAccount),
      await desk.gateway.api('GET', removedAccount),
    ];

    // Assess
    for (const answer of answers) {
      expectProblem(answer, 410, problemType('unsubscribeLinkGone'));
      expect(answer.body).toEqual(expired.body);
    }
  });

  it('a made-up or cut-short token is a 400 before any read, whatever it names', async () => {
    // Prepare
    const genuine = linkFor({ accountId: desk.tenant.accountId, ...neighbour });
    const paths = [
      genuine.slice(0, -3),
      '/unsubscribe?token=bm90IGEgdG9rZW4.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      `/unsubscribe?token=${'A'.repeat(401)}`,
      '/unsubscribe',
    ];

    // Act
    const answers = await Promise.all(paths.map((path) => oneClick(path)));

    // Assess
    expectProblem(answers[0] as ApiResponse, 400, problemType('invalidUnsubscribeLink'));
    expectProblem(answers[1] as ApiResponse, 400, problemType('invalidUnsubscribeLink'));
    expectProblem(answers[2] as ApiResponse, 400, problemType('validationFailed'));
    expectProblem(answers[3] as ApiResponse, 400, problemType('validationFailed'));
    expect((await contactNow(neighbour.contactId)).emailPreferences.support).toBe(true);
  });
});
