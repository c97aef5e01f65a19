/**
 * Ticket mail end to end: tickets opened through the API become deliveries
 * (through the notify stream consumer the test stack runs) for exactly the
 * contacts the recipient rule names, and the email log route shows them to
 * whom may read it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_EMAIL_PREFERENCES } from '#core/entities/contact';
import type { Delivery } from '#core/entities/delivery';
import { tableStore } from '#core/table/function-store';
import { readPages } from '../support/http.ts';
import { mailTo, waitForMail } from '../support/mailbox.ts';
import { addService } from '../support/services.ts';
import {
  accessTokenFor,
  addContact,
  addSubAccountLogin,
  createTenant,
  type Tenant,
} from '../support/tenants.ts';
import {
  deliveriesOf,
  ON_ITS_WAY,
  sortedAddresses,
  suppress,
  uniqueAddress,
} from '../support/ticket-mail.ts';
import { storedEvents, useTicketTenant } from '../support/tickets.ts';

const desk = useTicketTenant('Ticketmail');
let other: Tenant;
let people: Record<string, { email: string }>;
let tokens: { opener: string; emailsReader: string; ticketsOnly: string; otherPrimary: string };
let aboutService: { ticketId: string; deliveries: Delivery[] };
let ofOpener: { ticketId: string; deliveries: Delivery[] };

/** The deliveries of the ticket's first event, once the stream consumer has written `count`. */
const deliveriesOfTicket = async (ticketId: string, count: number) => {
  for (let waited = 0; waited < 20_000; waited += 200) {
    const [event] = await storedEvents(ticketId);
    const deliveries = event ? await deliveriesOf(tableStore, event.id) : [];
    if (deliveries.length >= count) {
      // Anything written after the expected count would be a wrong recipient.
      await new Promise((resolve) => setTimeout(resolve, 300));
      return deliveriesOf(tableStore, event?.id ?? '');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`ticket ${ticketId}: fewer than ${count} deliveries after 20 s`);
};

const addressesOf = (...names: string[]) =>
  sortedAddresses(names.map((name) => ({ address: people[name]?.email ?? name })));

beforeAll(async () => {
  const home = desk.tenant;
  const [here, elsewhere] = await Promise.all([addService(home), addService(home)]);
  other = await createTenant('Ticketmailother');
  const supportOffAddress = uniqueAddress('quiet');
  people = {
    primary: { email: home.email },
    globalLogin: await addSubAccountLogin(home, ['tickets'], 'active', { scope: 'global' }),
    globalNoLogin: await addContact(home, uniqueAddress('desk'), { supportScope: 'global' }),
    isolatedHere: await addSubAccountLogin(home, ['tickets'], 'active', {
      scope: 'isolated',
      services: [here],
    }),
    isolatedElsewhere: await addSubAccountLogin(home, ['tickets'], 'active', {
      scope: 'isolated',
      services: [elsewhere],
    }),
    supportOff: await addContact(home, supportOffAddress, {
      supportScope: 'global',
      emailPreferences: { ...ALL_EMAIL_PREFERENCES, support: false },
    }),
    suspended: await addSubAccountLogin(home, ['tickets'], 'suspended', { scope: 'global' }),
    withoutTickets: await addSubAccountLogin(home, ['contacts', 'emails'], 'active', {
      scope: 'global',
    }),
    opener: await addSubAccountLogin(home, ['tickets']),
    suppressed: await addContact(home, uniqueAddress('bouncing'), { supportScope: 'global' }),
    // Another account's support contact, with the address of one of ours that gets no mail.
    stranger: await addContact(other, supportOffAddress, { supportScope: 'global' }),
  };
  await suppress(tableStore, people.suppressed?.email ?? '');
  tokens = {
    opener: await accessTokenFor(people.opener?.email ?? ''),
    emailsReader: await accessTokenFor(people.withoutTickets?.email ?? ''),
    ticketsOnly: await accessTokenFor(people.globalLogin?.email ?? ''),
    otherPrimary: await accessTokenFor(other.email),
  };
  const first = await desk.open({ subject: 'Mail bounces', serviceId: here.id });
  const second = await desk.gateway.api('POST', desk.tickets(), {
    token: tokens.opener,
    body: { subject: 'Invoice question', body: 'Why two lines?' },
  });
  expect(second.status, second.text).toBe(201);
  aboutService = { ticketId: first.id, deliveries: await deliveriesOfTicket(first.id, 5) };
  const secondId = second.body.id as string;
  ofOpener = { ticketId: secondId, deliveries: await deliveriesOfTicket(secondId, 5) };
}, 120_000);

describe('ticket mail recipients', () => {
  it('mails about a ticket on a service the primary, global support with and without a login, isolated support of that service and a suppressed address (not queued)', () => {
    // Assess
    expect(sortedAddresses(aboutService.deliveries)).toEqual(
      addressesOf('primary', 'globalLogin', 'globalNoLogin', 'isolatedHere', 'suppressed')
    );
  });

  it('mails about a ticket of a sub-account its opener, the primary and global support, no isolated contact', () => {
    // Assess
    expect(sortedAddresses(ofOpener.deliveries)).toEqual(
      addressesOf('primary', 'opener', 'globalLogin', 'globalNoLogin', 'suppressed')
    );
  });

  it('mails nobody with support off, suspended, without tickets, isolated elsewhere, or of another account', () => {
    // Prepare
    const never = addressesOf('supportOff', 'suspended', 'withoutTickets', 'isolatedElsewhere');

    // Act
    const mailed = sortedAddresses([...aboutService.deliveries, ...ofOpener.deliveries]);

    // Assess
    for (const address of never) expect(mailed).not.toContain(address);
    expect([...aboutService.deliveries, ...ofOpener.deliveries].map((d) => d.accountId)).toEqual(
      Array(10).fill(desk.tenant.accountId)
    );
  });

  it('queues every delivery but the suppressed address, which is logged as suppressed', () => {
    // Act
    const statuses = [...aboutService.deliveries, ...ofOpener.deliveries].map((delivery) => [
      delivery.address.toLowerCase(),
      delivery.status,
    ]);

    // Assess
    for (const [address, status] of statuses) {
      if (address === addressesOf('suppressed')[0]) expect(status, address).toBe('suppressed');
      else expect(ON_ITS_WAY, address).toContain(status);
    }
  });

  it('sends every queued delivery once through the mailer, and nothing to the suppressed address', async () => {
    // Prepare
    const queued = aboutService.deliveries.filter((delivery) => delivery.status !== 'suppressed');

    // Act
    for (const delivery of queued) await waitForMail(delivery.address, delivery.subject);

    // Assess
    for (const delivery of queued) {
      const mail = await mailTo(delivery.address);
      expect(
        mail.filter((one) => one.subject === delivery.subject),
        delivery.address
      ).toHaveLength(1);
    }
    expect(await mailTo(addressesOf('suppressed')[0] ?? '')).toEqual([]);
  });
});

describe('GET /accounts/{accountId}/emails', () => {
  const emails = () => `/accounts/${desk.tenant.accountId}/emails`;

  it('shows the primary every entry, newest first, page by page', async () => {
    // Act
    const pages = await readPages<{ at: string; to: string; status: string; category: string }>(
      (andCursor) => desk.api('GET', `${emails()}?limit=4${andCursor}`)
    );

    // Assess
    const items = pages.flat();
    expect(pages.length).toBeGreaterThan(1);
    expect(sortedAddresses(items)).toEqual(
      sortedAddresses([...aboutService.deliveries, ...ofOpener.deliveries])
    );
    expect(items.map((item) => item.at)).toEqual(
      items
        .map((item) => item.at)
        .sort()
        .reverse()
    );
    expect(new Set(items.map((item) => item.category))).toEqual(new Set(['support']));
  });

  it('shows a sub-account holding `emails` the same log', async () => {
    // Act
    const response = await desk.api('GET', `${emails()}?limit=100`, { token: tokens.emailsReader });

    // Assess
    expect(response.status, response.text).toBe(200);
    expect(response.body.items).toHaveLength(10);
  });

  it('refuses a sub-account without `emails` (403) and another account (404)', async () => {
    // Act
    const lesser = await desk.api('GET', emails(), { token: tokens.ticketsOnly });
    const stranger = await desk.api('GET', emails(), { token: tokens.otherPrimary });
    const ownLog = await desk.api('GET', `/accounts/${other.accountId}/emails`, {
      token: tokens.otherPrimary,
    });

    // Assess
    expect(lesser.status).toBe(403);
    expect(lesser.body.area).toBe('emails');
    expect(stranger.status).toBe(404);
    expect(ownLog.status).toBe(200);
    expect(ownLog.body.items).toEqual([]);
  });
});
