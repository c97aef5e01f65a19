/**
 * Staff notices and invoice mail end to end: a notice sent through the
 * staff API, addressed and mailed by the notify and mailer stream consumers
 * the test stack runs, read back from the SES emulator; who must get it and
 * who must not; what the staff route counts; and what a customer cannot do.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_EMAIL_PREFERENCES } from '#core/entities/contact';
import type { Service } from '#core/entities/service';
import { tableStore } from '#core/table/function-store';
import { useGateway } from '../support/gateway.ts';
import { callApi } from '../support/http.ts';
import { invoiceLoad } from '../support/loads.ts';
import { eventually, mailTo, type StoredEmail } from '../support/mailbox.ts';
import { addService } from '../support/services.ts';
import { staffCall } from '../support/staff-calls.ts';
import {
  accessTokenFor,
  addContact,
  addSubAccountLogin,
  createTenant,
  type Tenant,
} from '../support/tenants.ts';
import { suppress, uniqueAddress } from '../support/ticket-mail.ts';

const gateway = useGateway();
let home: Tenant;
let other: Tenant;
let people: Record<string, { email: string }>;
let here: Service;
const subject = `Maintenance of {service} ${randomUUID().slice(0, 8)}`;
let notice: { id: string; location: string | null; status: number; view: Record<string, unknown> };

const mailOf = async (address: string, matching: (mail: StoredEmail) => boolean) =>
  (await mailTo(address)).filter(matching);
const isNotice = (mail: StoredEmail) => mail.subject.endsWith(subject.split(' ').at(-1) ?? '');

const noticeBody = (fields: Record<string, unknown> = {}) => ({
  category: 'general',
  scope: { services: [{ accountId: home.accountId, serviceId: here.id }] },
  subject,
  text: 'Dear {name}, {service} of {account} restarts tonight at 23:00.',
  html: '<p>Dear {name},</p><p>{service} of <b>{account}</b> restarts tonight.</p>',
  ...fields,
});

beforeAll(async () => {
  [home, other] = await Promise.all([createTenant('Noticehome'), createTenant('Noticeother')]);
  const [onServer, elsewhere] = await Promise.all([
    addService(home, { type: 'vps', label: 'vps-<nine>' }),
    addService(home),
  ]);
  here = onServer;
  people = {
    primary: { email: home.email },
    global: await addContact(home, uniqueAddress('global'), { supportScope: 'global' }),
    spanish: await addContact(home, uniqueAddress('spanish'), {
      language: 'es',
      firstName: '<img src=x onerror=alert(1)>',
    }),
    isolatedHere: await addSubAccountLogin(home, ['services'], 'active', {
      scope: 'isolated',
      services: [here],
    }),
    isolatedElsewhere: await addSubAccountLogin(home, ['services', 'invoices'], 'active', {
      scope: 'isolated',
      services: [elsewhere],
    }),
    generalOff: await addContact(home, uniqueAddress('quiet'), {
      supportScope: 'global',
      emailPreferences: { ...ALL_EMAIL_PREFERENCES, general: false, invoice: false },
    }),
    suspended: await addSubAccountLogin(home, ['services', 'invoices'], 'suspended', {
      scope: 'global',
    }),
    suppressed: await addContact(home, uniqueAddress('bouncing'), { supportScope: 'global' }),
    stranger: await addContact(other, uniqueAddress('stranger'), { supportScope: 'global' }),
  };
  await suppress(tableStore, people.suppressed?.email ?? '');
  const sent = await staffCall(gateway.url, 'POST', '/staff/notices', noticeBody());
  const id = (sent.body as { id: string }).id;
  // The stream consumers address it, write its deliveries and send them.
  const view = await eventually(async () => {
    const read = await staffCall(gateway.url, 'GET', `/staff/notices/${id}`);
    expect(read.body).toMatchObject({ status: 'done' });
    return read.body as Record<string, unknown>;
  }, 30_000);
  notice = { id, location: sent.headers.get('location'), status: sent.status, view };
}, 120_000);

describe('POST /staff/notices', () => {
  it('accepts a notice with 202 and its Location', () => {
    // Assess
    expect(notice.status).toBe(202);
    expect(notice.location).toBe(`/staff/notices/${notice.id}`);
  });

  it('mails the primary, global contacts and the isolated contact of the service in scope, once each', async () => {
    // Act
    const received = await Promise.all(
      ['primary', 'global', 'spanish', 'isolatedHere'].map(async (name) =>
        mailOf(people[name]?.email ?? '', isNotice)
      )
    );

    // Assess
    expect(received.map((mails) => mails.length)).toEqual([1, 1, 1, 1]);
    expect(received[0]?.[0]?.subject).toBe(subject.replace('{service}', here.label));
  });

  it('mails no isolated contact of another service, no contact with general off, no suspended login, no suppressed address, nobody of another account', async () => {
    // Act
    const received = await Promise.all(
      ['isolatedElsewhere', 'generalOff', 'suspended', 'suppressed', 'stranger'].map((name) =>
        mailOf(people[name]?.email ?? '', isNotice)
      )
    );
    const otherPrimary = await mailOf(other.email, isNotice);

    // Assess
    expect(received.map((mails) => mails.length)).toEqual([0, 0, 0, 0, 0]);
    expect(otherPrimary).toEqual([]);
  });

  it('counts recipients, sent and skipped contacts by reason', () => {
    // Assess
    expect(notice.view).toMatchObject({
      accounts: { inScope: 1, done: 1 },
      recipients: 5,
      sent: 4,
      failed: 0,
      queued: 0,
      skipped: {
        total: 4,
        reasons: { notAssigned: 1, categoryOff: 1, loginSuspended: 1, suppressed: 1 },
      },
    });
  });

  it('writes Spanish to a Spanish contact and escapes customer data (names, labels) in the HTML', async () => {
    // Act
    const [mail] = await mailOf(people.spanish?.email ?? '', isNotice);

    // Assess
    expect(mail?.body.text).toContain('Recibe este correo');
    expect(mail?.body.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail?.body.html).not.toContain('<img');
    expect(mail?.body.html).toContain('vps-&lt;nine&gt;');
    expect(mail?.body.text).toContain('Dear <img src=x onerror=alert(1)>');
  });

  it('refuses a customer token: only staff send notices', async () => {
    // Prepare
    const token = await accessTokenFor(home.email);

    // Act
    const response = await callApi(gateway.url, 'POST', '/staff/notices', {
      token,
      body: noticeBody(),
    });

    // Assess
    expect(response.status).toBe(401);
  });

  it('refuses security, support and invoice notices, and a scope naming two audiences, with 400', async () => {
    // Act
    const answers = await Promise.all([
      staffCall(gateway.url, 'POST', '/staff/notices', noticeBody({ category: 'security' })),
      staffCall(gateway.url, 'POST', '/staff/notices', noticeBody({ category: 'support' })),
      staffCall(gateway.url, 'POST', '/staff/notices', noticeBody({ category: 'invoice' })),
      staffCall(
        gateway.url,
        'POST',
        '/staff/notices',
        noticeBody({ scope: { everyone: true, accountIds: [home.accountId] } })
      ),
    ]);

    // Assess
    expect(answers.map((answer) => answer.status)).toEqual([400, 400, 400, 400]);
  });

  it('answers 404 for a notice id nobody sent', async () => {
    // Act
    const response = await staffCall(
      gateway.url,
      'GET',
      '/staff/notices/01KBZZZZZZZZZZZZZZZZZZZZZZ'
    );

    // Assess
    expect(response.status).toBe(404);
  });
});

describe('invoice mail', () => {
  it('mails a loaded invoice to the primary and the contacts who may read invoices, and a reload mails nobody again', async () => {
    // Prepare
    const load = invoiceLoad();
    const isInvoice = (mail: StoredEmail) => mail.subject.includes(load.number);
    const loaded = await staffCall(
      gateway.url,
      'POST',
      `/staff/accounts/${home.accountId}/invoices`,
      load
    );
    expect(loaded.status).toBe(201);
    await eventually(
      async () => expect(await mailOf(home.email, isInvoice)).toHaveLength(1),
      20_000
    );

    // Act
    const reloaded = await staffCall(
      gateway.url,
      'POST',
      `/staff/accounts/${home.accountId}/invoices`,
      {
        ...load,
        status: 'overdue',
      }
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));

    // Assess
    expect(reloaded.status).toBe(200);
    const counts = await Promise.all(
      ['primary', 'global', 'isolatedHere', 'isolatedElsewhere', 'generalOff', 'suspended'].map(
        async (name) => (await mailOf(people[name]?.email ?? '', isInvoice)).length
      )
    );
    // isolatedHere's login lacks `invoices`; generalOff has invoice off; suspended is suspended.
    expect(counts).toEqual([1, 1, 0, 1, 0, 0]);
    expect(await mailOf(other.email, isInvoice)).toEqual([]);
  });
});
