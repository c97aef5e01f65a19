/**
 * Signing in and out in Chromium: the first sign-in's new password, a
 * forgotten password reset with the mailed code, changing the password,
 * signing out (the refresh token is revoked) and keeping a session whose
 * access token ran out or was refused. Each person has an account of its
 * own, so no other file's sign-in is disturbed.
 */
import { describe, expect, it } from 'vitest';
import {
  accountWithTemporaryPassword,
  freshAccount,
  freshPassword,
  refreshWorks,
  resetCodeFor,
  TEST_PASSWORD,
} from './people.ts';
import {
  accountPath,
  alterSession,
  checkPage,
  chooseNewPassword,
  countCognitoCalls,
  signIn,
  storedSession,
  submitSignIn,
  usePortal,
} from './support.ts';

const portal = usePortal();
const WRONG = 'The address or password is not right.';

describe('signing in', () => {
  it('asks a login with a temporary password for a new one at its first sign-in, then opens the dashboard', async () => {
    // Prepare
    const { tenant, temporary } = await accountWithTemporaryPassword('First');
    const page = await portal.page();
    const chosen = freshPassword();

    // Act
    await submitSignIn(page, portal.url, tenant.email, temporary);
    await page.getByText('Choose a new password to finish signing in.').waitFor();
    await checkPage(page, 'first-sign-in');
    await chooseNewPassword(page, chosen);

    // Assess: the dashboard of its account; the chosen password works, the temporary one no more
    await page.getByTestId('dashboard').waitFor();
    await expect(page.getByTestId('whose-account').textContent()).resolves.toContain(tenant.name);
    const again = await portal.page();
    await submitSignIn(again, portal.url, tenant.email, temporary);
    await expect(again.getByRole('alert').textContent()).resolves.toBe(WRONG);
    await signIn(again, portal.url, tenant.email, chosen);
  });

  it('resets a forgotten password with the mailed code, with the same words for an unknown address', async () => {
    // Prepare
    const tenant = await freshAccount('Forgot');
    const page = await portal.page();
    const chosen = freshPassword();
    const askForCode = async (email: string) => {
      await page.goto(`${portal.url}/sign-in`);
      await page.getByRole('link', { name: 'Forgotten password' }).click();
      await page.getByLabel('Email address').fill(email);
      await page.getByRole('button', { name: 'Send me a code' }).click();
      return page.getByRole('status').textContent();
    };

    // Act
    const unknown = await askForCode('nobody-here@nowhere.example');
    const known = await askForCode(tenant.email);
    await checkPage(page, 'forgot-password');
    const code = await resetCodeFor(tenant.email);
    await page.getByLabel('Code').fill(code === '000000' ? '000001' : '000000');
    await page.getByLabel('New password').fill(chosen);
    await page.getByRole('button', { name: 'Set the password' }).click();
    const wrongCode = await page.getByRole('alert').textContent();
    await page.getByLabel('Code').fill(code);
    await page.getByRole('button', { name: 'Set the password' }).click();

    // Assess
    expect(known).toBe(unknown);
    expect(wrongCode).toBe('That code is not right.');
    await page.getByText('Your password is set: sign in with it.').waitFor();
    const again = await portal.page();
    await submitSignIn(again, portal.url, tenant.email, TEST_PASSWORD);
    await expect(again.getByRole('alert').textContent()).resolves.toBe(WRONG);
    await signIn(again, portal.url, tenant.email, chosen);
  });

  it('changes the password from the portal: the old one stops working and the new one works', async () => {
    // Prepare
    const tenant = await freshAccount('Change');
    const page = await portal.page();
    await signIn(page, portal.url, tenant.email, TEST_PASSWORD);
    const chosen = freshPassword();

    // Act
    await page.getByRole('link', { name: 'Change password' }).click();
    await page.getByLabel('Current password').fill(TEST_PASSWORD);
    await page.getByLabel('New password').fill(chosen);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Your password has been changed.').waitFor();
    await checkPage(page, 'change-password');

    // Assess
    const again = await portal.page();
    await submitSignIn(again, portal.url, tenant.email, TEST_PASSWORD);
    await expect(again.getByRole('alert').textContent()).resolves.toBe(WRONG);
    await signIn(again, portal.url, tenant.email, chosen);
  });
});

describe('the session', () => {
  it('signs out: the refresh token no longer works and an account URL goes to the sign-in page', async () => {
    // Prepare
    const tenant = await freshAccount('SignOut');
    const page = await portal.page();
    await signIn(page, portal.url, tenant.email, TEST_PASSWORD);
    const base = accountPath(page.url());
    const before = await storedSession(page);

    // Act
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);

    // Assess
    expect(before?.refreshToken).toBeTruthy();
    await expect(storedSession(page)).resolves.toBeUndefined();
    await expect(refreshWorks(before?.refreshToken ?? '')).resolves.toBe(false);
    await page.goto(`${portal.url}${base}/invoices`);
    await page.waitForURL(/\/sign-in\?next=/);
  });

  it('keeps a fresh token as it is, and refreshes one that has run out without asking to sign in', async () => {
    // Prepare
    const tenant = await freshAccount('Refresh');
    const page = await portal.page();
    await signIn(page, portal.url, tenant.email, TEST_PASSWORD);
    const details = `${portal.url}${accountPath(page.url())}/details`;
    const refreshes = countCognitoCalls(page, 'REFRESH_TOKEN_AUTH');
    const fresh = await storedSession(page);
    await page.goto(details);
    await page.getByTestId('contact-form').waitFor();
    const whileFresh = refreshes();

    // Act: the stored token looks as it will an hour after sign-in
    await alterSession(page, { expiresAt: Date.now() - 1_000 });
    await page.goto(details);
    await page.getByTestId('contact-form').waitFor();

    // Assess: no refresh while the token lasts (its end read from the token), one when it ran out
    expect(fresh?.expiresAt).toBeGreaterThan(Date.now() + 60_000);
    expect(whileFresh).toBe(0);
    expect(refreshes()).toBe(1);
    const refreshed = await storedSession(page);
    expect(refreshed?.accessToken).not.toBe(fresh?.accessToken);
    expect(refreshed?.expiresAt).toBeGreaterThan(Date.now());
    expect(page.url()).toBe(details);
  });

  it('answers a refused access token (401) with one refresh and a retry, not the sign-in page', async () => {
    // Prepare
    const tenant = await freshAccount('Retry');
    const page = await portal.page();
    await signIn(page, portal.url, tenant.email, TEST_PASSWORD);
    const details = `${portal.url}${accountPath(page.url())}/details`;
    const refreshes = countCognitoCalls(page, 'REFRESH_TOKEN_AUTH');

    // Act: a token the API refuses, though it does not look expired
    await alterSession(page, { accessToken: 'refused.by.the-api' });
    await page.goto(details);

    // Assess
    await page.getByTestId('contact-form').waitFor();
    expect(refreshes()).toBe(1);
    expect(page.url()).toBe(details);
    await expect(storedSession(page)).resolves.toMatchObject({
      accessToken: expect.stringMatching(/^ey/),
    });
  });
});
