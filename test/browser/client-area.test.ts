/**
 * The client area's stories in Chromium, as the primary contact of the demo
 * account: whose account, My Details (field errors, a stale edit), contacts
 * and sub-accounts, services' support contacts, tickets (with a file) and the read-only
 * lists. Each page is screenshotted and checked with axe-core.
 */
import { describe, expect, it } from 'vitest';
import {
  acceptAsNewcomer,
  accountPath,
  checkPage,
  fillNewContact,
  signIn,
  usePortal,
} from './support.ts';

const portal = usePortal();
const OWNER = 'owner@demo.example';

describe('the client area as the primary contact', () => {
  it('signs in and shows whose account it is and the login’s own name', async () => {
    // Prepare
    const page = await portal.page();

    // Act
    await signIn(page, portal.url, OWNER);

    // Assess
    await expect(page.getByTestId('whose-account').textContent()).resolves.toContain(
      'Alex Morgan for the account of Demo Hosting Ltd'
    );
    await checkPage(page, 'dashboard-en');
  });

  it('shows a field error at its field from its code, and takes a stale edit through reload and reapply', async () => {
    // Prepare
    const page = await portal.page();
    await signIn(page, portal.url, OWNER);
    const base = accountPath(page.url());
    await page.goto(`${portal.url}${base}/details`);
    await page.getByTestId('contact-form').waitFor();

    // Act: a phone that is not E.164
    await page.getByLabel(/^Phone/).fill('not a phone');
    await page.getByRole('button', { name: 'Save' }).click();

    // Assess
    await expect(page.locator('#f-phone-error').textContent()).resolves.toMatch(/format|valid/i);
    await expect(page.getByLabel(/^Phone/).getAttribute('aria-invalid')).resolves.toBe('true');
    await checkPage(page, 'my-details-field-error');

    // Act: someone else saves meanwhile (a second tab), then this tab saves
    const other = await portal.page();
    await signIn(other, portal.url, OWNER);
    await other.goto(`${portal.url}${base}/details`);
    await other.getByLabel('City').fill('Bath');
    await other.getByRole('button', { name: 'Save' }).click();
    await other.getByText('Saved.').waitFor();
    await page.getByLabel(/^Phone/).fill('+441632960999');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('reapply').click();
    // The reload is done when the stale notice goes: saving before would send the old version.
    await page.getByTestId('reapply').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Save' }).click();

    // Assess: both changes stand
    await page.getByText('Saved.').waitFor();
    await expect(page.getByLabel('City').inputValue()).resolves.toBe('Bath');
    await expect(page.getByLabel(/^Phone/).inputValue()).resolves.toBe('+441632960999');
  });

  it('adds a company contact, activates its login with chosen areas and a generated password, which opens nothing until the person accepts; suspends, resumes and removes it', async () => {
    // Prepare
    const page = await portal.page();
    await signIn(page, portal.url, OWNER);
    const base = accountPath(page.url());
    const email = `agency-${Date.now()}@example.org`;

    // Act: Add New Contact
    await page.goto(`${portal.url}${base}/contacts/new`);
    await page.getByLabel('Kind').selectOption('organisation');
    await fillNewContact(page, {
      firstName: 'Ana',
      lastName: 'Ruiz',
      company: 'Agencia Web SL',
      email,
      phone: '+34911234567',
      line1: 'Calle Mayor 1',
      city: 'Madrid',
      postcode: '28013',
      country: 'ES',
    });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Sub-account login' }).waitFor();
    await checkPage(page, 'contact');

    // Act: Activate Sub-Account with two areas and the generator
    const areas = page.getByRole('group', { name: 'You may open' });
    await areas.getByLabel('Support tickets', { exact: true }).check();
    await areas.getByLabel('Invoices', { exact: true }).check();
    await page.getByRole('button', { name: 'Generate a password' }).click();
    await expect.poll(() => page.getByLabel(/^Set a password/).inputValue()).not.toBe('');
    const password = await page.getByLabel(/^Set a password/).inputValue();
    await page.getByRole('button', { name: 'Activate sub-account' }).click();

    // Assess: nothing opens until the person accepts, after choosing its own password
    await expect
      .poll(() => page.getByTestId('sub-status').textContent())
      .toMatch(/Invited: Invoices, Support tickets/);
    const newcomer = await portal.page();
    const login = { email, temporary: password, chosen: `${password}x` };
    await acceptAsNewcomer(newcomer, portal.url, login, 'Demo Hosting Ltd');
    await newcomer.context().close();
    await page.reload();
    await expect
      .poll(() => page.getByTestId('sub-status').textContent())
      .toMatch(/Active: Invoices, Support tickets/);
    await page.getByRole('button', { name: 'Suspend' }).click();
    await expect.poll(() => page.getByTestId('sub-status').textContent()).toMatch(/^Suspended/);
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => page.getByTestId('sub-status').textContent()).toMatch(/^Active/);
    await page.getByRole('button', { name: 'Remove the login' }).click();
    await expect.poll(() => page.getByTestId('sub-status').count()).toBe(0);
    await page.getByRole('button', { name: 'Remove contact' }).click();
    await page.waitForURL(/\/contacts$/);
    await checkPage(page, 'contacts');
  });

  it('lists services with their support contacts or Deactivated, then assigns and resets one', async () => {
    // Prepare
    const page = await portal.page();
    await signIn(page, portal.url, OWNER);
    const base = accountPath(page.url());
    await page.goto(`${portal.url}${base}/services`);
    await page.getByRole('link', { name: 'Office telephony' }).waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain('Deactivated');
    await checkPage(page, 'services');

    // Act: assign the global support contact to a deactivated service
    await page.getByRole('link', { name: 'Office telephony' }).click();
    await page.getByTestId('support-state').waitFor();
    await page
      .getByLabel('Assign')
      .selectOption({ label: 'Tech Contact (Global (every service))' });
    await page.getByRole('button', { name: 'Assign' }).click();

    // Assess
    await expect
      .poll(() => page.getByTestId('support-contacts').textContent())
      .toContain('Tech Contact');
    await checkPage(page, 'service');
    await page.getByRole('button', { name: /^Reset Tech Contact/ }).click();
    await page.getByTestId('support-state').waitFor();
  });

  it('opens a ticket, reads it, replies and closes it', async () => {
    // Prepare
    const page = await portal.page();
    await signIn(page, portal.url, OWNER);
    const base = accountPath(page.url());
    await page.goto(`${portal.url}${base}/tickets`);

    // Act
    await page.getByText('Open a ticket').first().click();
    await page.getByLabel('Subject').fill('Mail queue stuck');
    await page.getByLabel('Message').fill('Outgoing mail waits since 9:00.');
    await page.getByRole('button', { name: 'Open a ticket' }).click();
    await page.getByRole('heading', { name: 'Mail queue stuck' }).waitFor();
    await page.getByLabel('Reply').fill('It is the VPS 17 relay.');
    await page.getByRole('button', { name: 'Reply' }).click();
    await page.getByText('It is the VPS 17 relay.').waitFor();
    await checkPage(page, 'ticket');
    await page.getByRole('button', { name: 'Close ticket' }).click();

    // Assess
    await expect.poll(() => page.getByTestId('ticket-status').textContent()).toContain('closed');
    await page.goto(`${portal.url}${base}/tickets`);
    await page.getByRole('link', { name: 'Mail queue stuck' }).waitFor();
    await checkPage(page, 'tickets');
  });

  it('opens a ticket with a file and lists it as a link that downloads the file', async () => {
    // Prepare
    const page = await portal.page();
    await signIn(page, portal.url, OWNER);
    const base = accountPath(page.url());
    await page.goto(`${portal.url}${base}/tickets`);
    const bytes = Buffer.from('09:00 relay refused\n09:05 relay refused\n');

    // Act: the browser PUTs the file to the S3 front (a cross-origin request: CORS)
    await page.getByText('Open a ticket').first().click();
    await page.getByLabel('Subject').fill('Relay log');
    await page.getByLabel('Message').fill('The log is attached.');
    await page
      .getByTestId('ticket-files')
      .setInputFiles({ name: 'relay.log.txt', mimeType: 'text/plain', buffer: bytes });
    await page.getByRole('button', { name: 'Open a ticket' }).click();
    await page.getByRole('heading', { name: 'Relay log' }).waitFor();
    const link = page.getByRole('link', { name: 'relay.log.txt' });
    await link.waitFor();
    const downloaded = await fetch((await link.getAttribute('href')) ?? '');

    // Assess
    expect(downloaded.status).toBe(200);
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(bytes)).toBe(true);
    await checkPage(page, 'ticket-with-file');
  });

  it('shows invoices with their PDF link, calls, traffic totals, the email log and the audit trail', async () => {
    // Prepare
    const page = await portal.page();
    await signIn(page, portal.url, OWNER);
    const base = accountPath(page.url());

    // Act / Assess, page by page
    for (const [path, name, text] of [
      ['/invoices', 'invoices', 'PDF'],
      ['/emails', 'email-log', 'Email log'],
      ['/audit', 'audit', 'Audit trail'],
    ] as const) {
      await page.goto(`${portal.url}${base}${path}`);
      await page.getByRole('table').first().waitFor();
      await expect(page.locator('main').textContent()).resolves.toContain(text);
      await checkPage(page, name);
    }
    await page.goto(`${portal.url}${base}/services`);
    await page.getByRole('link', { name: 'Office telephony' }).click();
    await page.getByRole('link', { name: 'Calls' }).click();
    await page.getByRole('table').waitFor();
    await checkPage(page, 'calls');
    await page.goto(`${portal.url}${base}/services`);
    await page.getByRole('link', { name: /Rack 4/ }).click();
    await page.getByRole('link', { name: 'Traffic' }).click();
    await expect
      .poll(() => page.getByTestId('traffic-totals').locator('tbody tr').count())
      .toBeGreaterThan(0);
    await checkPage(page, 'traffic');
  });
});
