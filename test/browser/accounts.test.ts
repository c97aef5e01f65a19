/**
 * Whose accounts a login opens, in Chromium: asking for an account with a
 * contract number (and the first sign-in the mailed password leads to),
 * accepting an invitation and switching accounts, declining one, and an
 * isolated support contact's ticket list.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  addContact,
  addInvitation,
  freshAccount,
  freshPassword,
  invitationPasswordFor,
  TEST_PASSWORD,
} from './people.ts';
import { acceptAsNewcomer, accountPath, checkPage, signIn, usePortal } from './support.ts';

const portal = usePortal();

/** The invitation to `accountName` in the signed-in login's list. */
const invitation = (page: Page, accountName: string) =>
  page.getByRole('listitem').filter({ hasText: accountName });

/** The subjects the tickets page lists for this login. */
const ticketSubjects = async (page: Page) => {
  await page.goto(`${portal.url}${accountPath(page.url())}/tickets`);
  await page.getByRole('table').waitFor();
  return page.locator('tbody a').allTextContents();
};

describe('asking for an account', () => {
  it('answers a known and an unknown contract alike, and the mailed password opens the invitation', async () => {
    // Prepare: a contact of the account without a login
    const tenant = await freshAccount('Request');
    const { email } = await addContact(tenant);
    const page = await portal.page();
    const ask = async (contractNumber: string, address: string) => {
      await page.goto(`${portal.url}/sign-in`);
      await page.getByRole('link', { name: 'Request an account' }).click();
      await page.getByLabel('Contract number').fill(contractNumber);
      await page.getByLabel('Email address').fill(address);
      await page.getByRole('button', { name: 'Request an account' }).click();
      return page.getByRole('status').textContent();
    };

    // Act
    const unknown = await ask('NO-SUCH-4242', `nobody-${Date.now()}@nowhere.example`);
    const known = await ask(tenant.contractNumber, email);
    await checkPage(page, 'request-account');
    const newcomer = await portal.page();
    const temporary = await invitationPasswordFor(email);
    await acceptAsNewcomer(
      newcomer,
      portal.url,
      { email, temporary, chosen: freshPassword() },
      tenant.name
    );

    // Assess: the holder grants areas later; the account is the person's now
    expect(known).toContain('If the contract number and address match an account');
    expect(known).toBe(unknown);
    await expect(newcomer.getByTestId('whose-account').textContent()).resolves.toContain(
      `for the account of ${tenant.name}`
    );
  });
});

describe('a login of several accounts', () => {
  it('accepts an invitation from its list, then switches between both accounts', async () => {
    // Prepare: an agency's owner invited to its client's account
    const agency = await freshAccount('Agency');
    const client = await freshAccount('Client');
    await addInvitation(client, agency, ['profile', 'invoices']);
    const page = await portal.page();
    await signIn(page, portal.url, agency.email, TEST_PASSWORD);
    await checkPage(page, 'invitations');

    // Act
    await invitation(page, client.name).getByRole('button', { name: 'Accept' }).click();
    const switcher = page.getByTestId('account-switcher');
    await switcher.waitFor();
    const offered = await switcher.locator('option').allTextContents();
    await switcher.selectOption({ label: client.name });

    // Assess
    expect(offered.sort()).toEqual([agency.name, client.name].sort());
    await expect
      .poll(() => page.getByTestId('whose-account').textContent())
      .toContain(`for the account of ${client.name} (sub-account)`);
    await page.getByRole('link', { name: 'Invoices' }).first().waitFor();
    await checkPage(page, 'switched-account');
    await page.getByTestId('account-switcher').selectOption({ label: agency.name });
    await expect
      .poll(() => page.getByTestId('whose-account').textContent())
      .toContain(`for the account of ${agency.name} (primary contact)`);
  });

  it('declines an invitation: it leaves the list, no account is added, the inviting contact has no login', async () => {
    // Prepare
    const person = await freshAccount('Decliner');
    const inviter = await freshAccount('Inviter');
    await addInvitation(inviter, person);
    const page = await portal.page();
    await signIn(page, portal.url, person.email, TEST_PASSWORD);

    // Act
    await invitation(page, inviter.name).getByRole('button', { name: 'Decline' }).click();

    // Assess: gone now and after a reload; the inviting account sees a contact without login
    await expect.poll(() => invitation(page, inviter.name).count()).toBe(0);
    await page.reload();
    await page.getByTestId('dashboard').waitFor();
    await expect(invitation(page, inviter.name).count()).resolves.toBe(0);
    await expect(page.getByTestId('account-switcher').count()).resolves.toBe(0);
    const owner = await portal.page();
    await signIn(owner, portal.url, inviter.email, TEST_PASSWORD);
    await owner.goto(`${portal.url}${accountPath(owner.url())}/contacts`);
    await expect
      .poll(() => owner.getByRole('row').filter({ hasText: person.email }).textContent())
      .toContain('No login');
  });
});

describe('an isolated support contact', () => {
  it('sees only the tickets of the service it supports, and not another by its URL', async () => {
    // Prepare: the primary sees every ticket of the demo account
    const owner = await portal.page();
    await signIn(owner, portal.url, 'owner@demo.example');
    const all = await ticketSubjects(owner);
    const elsewhere = owner.getByRole('link', { name: 'Mail to info@demo.example bounces' });
    const hiddenUrl = `${portal.url}${(await elsewhere.getAttribute('href')) ?? ''}`;
    const devops = await portal.page();
    await signIn(devops, portal.url, 'devops@demo.example');

    // Act
    const seen = await ticketSubjects(devops);
    await checkPage(devops, 'tickets-isolated');
    await devops.goto(hiddenUrl);

    // Assess: a subset of the account's tickets, the VPS one in, the mailbox one out
    expect(seen).toContain('VPS 17 rebooted at 03:12');
    expect(seen).not.toContain('Mail to info@demo.example bounces');
    expect(all.length).toBeGreaterThan(seen.length);
    for (const subject of seen) expect(all).toContain(subject);
    await expect(devops.getByRole('alert').textContent()).resolves.toContain(
      'This does not exist, or you cannot see it.'
    );
  });
});
