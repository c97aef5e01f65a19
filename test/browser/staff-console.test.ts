/**
 * The staff console in Chromium: password then TOTP against the staff pool,
 * the ticket queue, a ticket and its answer, the requester check and a
 * maintenance notice with its delivery progress. A client login gets no
 * further than the staff sign-in.
 */
import { describe, expect, it } from 'vitest';
import { totpCode } from '../../scripts/local-stack/totp.ts';
import { checkPage, demo, signIn, usePortal } from './support.ts';

const portal = usePortal();

const staffSignIn = async (page: Awaited<ReturnType<typeof portal.page>>) => {
  const { staff, password } = demo();
  await page.goto(`${portal.url}/staff`);
  await page.getByLabel(/email/i).fill(staff.username);
  await page.getByLabel(/^password$/i).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Authenticator code').fill(totpCode(staff.totpSecret));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Ticket queue' }).waitFor();
};

describe('the staff console', () => {
  it('signs in with password and TOTP, answers a ticket from the queue and sets its status', async () => {
    // Prepare
    const page = await portal.page();
    await staffSignIn(page);
    await checkPage(page, 'staff-queue');

    // Act
    await page.locator('tbody a').first().click();
    await page.getByLabel('Reply').fill('We restarted the relay.');
    await page.getByRole('button', { name: 'Reply' }).click();
    await page.getByText('We restarted the relay.').waitFor();
    await page.getByLabel('Status', { exact: true }).selectOption('answered');
    await page.getByRole('button', { name: 'Set status' }).click();

    // Assess
    await expect.poll(() => page.getByTestId('ticket-status').textContent()).toContain('answered');
    await checkPage(page, 'staff-ticket');
  });

  it('checks a requester and sends a notice whose delivery progress reaches done', async () => {
    // Prepare
    const page = await portal.page();
    await staffSignIn(page);

    // Act: requester check
    await page.getByRole('link', { name: 'Requester check' }).click();
    await page.getByLabel(/email/i).fill('billing@demo.example');
    await page.getByRole('button', { name: 'Check' }).click();

    // Assess
    await expect
      .poll(() => page.getByTestId('requester').textContent())
      .toContain('Demo Hosting Ltd');
    await checkPage(page, 'staff-requester');

    // Act: a notice to every account
    await page.getByRole('link', { name: 'Maintenance notices' }).click();
    await page.getByLabel('Subject').fill('Network maintenance on Sunday');
    await page.getByLabel('Text').fill('Short outage between 02:00 and 02:15 UTC.');
    await page.getByLabel('Every account').check();
    await page.getByRole('button', { name: 'Send notice' }).click();

    // Assess
    await expect
      .poll(() => page.getByTestId('notice-progress').getAttribute('data-status'), {
        timeout: 30_000,
      })
      .toBe('done');
    await checkPage(page, 'staff-notice');
  });

  it('keeps a client login out of the staff console: its session opens no staff page', async () => {
    // Prepare: a customer signed in to the client area
    const page = await portal.page();
    await signIn(page, portal.url, 'owner@demo.example');

    // Act
    await page.goto(`${portal.url}/staff/requesters`);

    // Assess: the staff pool's sign-in, nothing of the console
    await page.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
    await expect(page.getByRole('link', { name: 'Requester check' }).count()).resolves.toBe(0);
  });
});
