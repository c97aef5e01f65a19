/**
 * SES feedback end to end: a ticket mail the stack's mailer sent to the
 * SES emulator bounces (fed as `npm run feedback` does, since the emulator
 * sends no feedback); the primary then sees it on the contact and in the
 * email logs, the next ticket mail to that address is suppressed and never
 * reaches SES, and nothing of it crosses to another account sharing the
 * address.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Delivery } from '#core/entities/delivery';
import { tableStore } from '#core/table/function-store';
import { feedFeedback } from '../../scripts/feedback/last-delivery.ts';
import { eventually, mailTo } from '../support/mailbox.ts';
import {
  accessTokenFor,
  addContact,
  addSubAccountLogin,
  createTenant,
  type Tenant,
} from '../support/tenants.ts';
import { deliveriesOf, uniqueAddress } from '../support/ticket-mail.ts';
import { storedEvents, useTicketTenant } from '../support/tickets.ts';

const desk = useTicketTenant('Feedback');
let other: Tenant;
let otherToken: string;
let bouncing: { contactId: string; email: string };
let sameElsewhere: { contactId: string; email: string };
let withoutEmails: { token: string; contactId: string };
let suppressedAfter: Delivery | undefined;

const deliveryTo = async (ticketId: string, address: string, statuses: string[]) =>
  eventually(async () => {
    const [event] = await storedEvents(ticketId);
    const found = (event ? await deliveriesOf(tableStore, event.id) : []).find(
      (delivery) => delivery.address === address
    );
    expect(statuses).toContain(found?.status);
    return found as Delivery;
  }, 20_000);

const contactPath = (tenant: Tenant, contactId: string) =>
  `/accounts/${tenant.accountId}/contacts/${contactId}`;

beforeAll(async () => {
  const home = desk.tenant;
  const address = uniqueAddress('bouncer');
  bouncing = await addContact(home, address, { supportScope: 'global' });
  other = await createTenant('Feedbackother');
  sameElsewhere = await addContact(other, address.toUpperCase());
  otherToken = await accessTokenFor(other.email);
  const sub = await addSubAccountLogin(home, ['contacts'], 'active');
  withoutEmails = { token: await accessTokenFor(sub.email), contactId: sub.contactId };

  const first = await desk.open({ subject: 'Before the bounce' });
  await deliveryTo(first.id, address, ['sent']);
  await feedFeedback(tableStore, { kind: 'bounce', address });
  const second = await desk.open({ subject: 'After the bounce' });
  suppressedAfter = await deliveryTo(second.id, address, ['suppressed']);
}, 120_000);

describe('after a permanent bounce', () => {
  it('the primary sees emailStatus bounced on the contact', async () => {
    // Act
    const response = await desk.api('GET', contactPath(desk.tenant, bouncing.contactId));

    // Assess
    expect(response.status, response.text).toBe(200);
    expect(response.body.emailStatus).toEqual({ status: 'bounced', at: expect.any(String) });
  });

  it('the account and contact email logs show the sent mail bounced and the next one suppressed', async () => {
    // Act
    const contactLog = await desk.api(
      'GET',
      `${contactPath(desk.tenant, bouncing.contactId)}/emails?limit=10`
    );
    const accountLog = await desk.api('GET', `/accounts/${desk.tenant.accountId}/emails?limit=50`);

    // Assess
    expect(contactLog.status, contactLog.text).toBe(200);
    const entries = contactLog.body.items as { to: string; status: string; subject: string }[];
    expect(entries.map((entry) => entry.status)).toEqual(['suppressed', 'bounced']);
    expect(entries.every((entry) => entry.to === bouncing.email)).toBe(true);
    const mine = (accountLog.body.items as { to: string; status: string }[]).filter(
      (entry) => entry.to === bouncing.email
    );
    expect(mine.map((entry) => entry.status)).toEqual(['suppressed', 'bounced']);
  });

  it('the next ticket mail to the address is suppressed and never reaches SES', async () => {
    // Act
    const received = await mailTo(bouncing.email);

    // Assess
    expect(suppressedAfter?.status).toBe('suppressed');
    expect(received).toHaveLength(1);
  });
});

describe('attacks on the feedback and the email logs', () => {
  it('no customer can write or clear emailStatus through PATCH contact (an unknown field)', async () => {
    // Act
    const response = await desk.api('PATCH', contactPath(desk.tenant, bouncing.contactId), {
      headers: { 'if-match': '"2"' },
      body: { emailStatus: null },
    });
    const after = await desk.api('GET', contactPath(desk.tenant, bouncing.contactId));

    // Assess
    expect(response.status, response.text).toBe(400);
    expect(after.body.emailStatus).toMatchObject({ status: 'bounced' });
  });

  it('another account’s contact email log is a 404, whichever account the path names', async () => {
    // Act
    const viaTheirAccount = await desk.gateway.api(
      'GET',
      `${contactPath(desk.tenant, bouncing.contactId)}/emails`,
      { token: otherToken }
    );
    const viaOwnAccount = await desk.gateway.api(
      'GET',
      `${contactPath(other, bouncing.contactId)}/emails`,
      { token: otherToken }
    );

    // Assess
    expect(viaTheirAccount.status, viaTheirAccount.text).toBe(404);
    expect(viaOwnAccount.status, viaOwnAccount.text).toBe(404);
  });

  it('a sub-account without emails gets 403 on a contact’s log, yet reads its own', async () => {
    // Act
    const contactLog = await desk.gateway.api(
      'GET',
      `${contactPath(desk.tenant, bouncing.contactId)}/emails`,
      { token: withoutEmails.token }
    );
    const ownLog = await desk.gateway.api(
      'GET',
      `/accounts/${desk.tenant.accountId}/my-contact/emails`,
      { token: withoutEmails.token }
    );

    // Assess
    expect(contactLog.status, contactLog.text).toBe(403);
    expect(contactLog.body.area).toBe('emails');
    expect(ownLog.status, ownLog.text).toBe(200);
    expect(ownLog.body.items).toEqual([]);
  });

  it('a bounce of an address in two accounts marks both, and the other learns nothing of the first', async () => {
    // Act
    const contact = await desk.gateway.api('GET', contactPath(other, sameElsewhere.contactId), {
      token: otherToken,
    });
    const log = await desk.gateway.api(
      'GET',
      `${contactPath(other, sameElsewhere.contactId)}/emails`,
      { token: otherToken }
    );
    const accountLog = await desk.gateway.api('GET', `/accounts/${other.accountId}/emails`, {
      token: otherToken,
    });

    // Assess
    expect(contact.body.emailStatus).toEqual({ status: 'bounced', at: expect.any(String) });
    expect(contact.text).not.toContain(desk.tenant.accountId);
    expect(log.body.items).toEqual([]);
    expect(accountLog.text).not.toContain(bouncing.email);
    expect(accountLog.text).not.toContain('bounce');
  });

  it('a contact whose email changes to a new address starts without the status', async () => {
    // Prepare
    const path = contactPath(other, sameElsewhere.contactId);
    const before = await desk.gateway.api('GET', path, { token: otherToken });

    // Act
    const response = await desk.gateway.api('PATCH', path, {
      token: otherToken,
      headers: { 'if-match': before.headers.get('etag') ?? '' },
      body: { email: uniqueAddress('fresh') },
    });
    const after = await desk.gateway.api('GET', path, { token: otherToken });

    // Assess
    expect(response.status, response.text).toBe(200);
    expect(response.body.emailStatus).toBeUndefined();
    expect(after.body.emailStatus).toBeUndefined();
  });
});
