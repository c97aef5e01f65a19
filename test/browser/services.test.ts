/**
 * A domain's support contacts in Chromium, in an account of its own:
 * "Deactivated" until one is assigned, a global contact, an isolated one
 * beside it, a change (the new isolated one assigned, the one it replaces
 * reset) and resets back to "Deactivated".
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addService } from '../support/services.ts';
import { addContact, freshAccount, TEST_PASSWORD } from './people.ts';
import { accountPath, checkPage, signIn, usePortal } from './support.ts';

const portal = usePortal();

const ISOLATED = 'Isolated (assigned services only)';
const GLOBAL = 'Global (every service)';

/** The support column of the domain's row in the domains list. */
const listedSupport = async (page: Page, base: string, label: string) => {
  await page.goto(`${base}/domains`);
  return page.getByRole('row').filter({ hasText: label }).getByRole('cell').nth(2).textContent();
};

/** Picks a contact in the domain's form and sends it (Assign, or Change to). */
const pick = async (page: Page, option: string, button: 'Assign' | 'Change to') => {
  await page.locator('#support-choice').selectOption({ label: option });
  await page.getByRole('button', { name: button, exact: true }).click();
};

const supportList = (page: Page) => page.getByTestId('support-contacts').textContent();

describe('a domain’s support contacts', () => {
  it('go from Deactivated to a global and an isolated contact, change the isolated one, and reset to Deactivated', async () => {
    // Prepare: a domain and three contacts with support access
    const tenant = await freshAccount('Domains');
    const domain = await addService(tenant, {
      type: 'domain',
      label: `shop-${Date.now()}.example`,
    });
    const opts = (firstName: string, supportScope: 'isolated' | 'global') => ({
      firstName,
      supportScope,
    });
    await addContact(tenant, undefined, opts('Ines', 'isolated'));
    await addContact(tenant, undefined, opts('Omar', 'isolated'));
    await addContact(tenant, undefined, opts('Gala', 'global'));
    const page = await portal.page();
    await signIn(page, portal.url, tenant.email, TEST_PASSWORD);
    const base = `${portal.url}${accountPath(page.url())}`;
    const before = await listedSupport(page, base, domain.label);
    await checkPage(page, 'domains');

    // Act: a global contact, an isolated one beside it, then another isolated one instead
    await page.getByRole('link', { name: domain.label }).click();
    await page.getByTestId('support-state').waitFor();
    await pick(page, `Gala Contact (${GLOBAL})`, 'Assign');
    await expect.poll(() => supportList(page)).toContain('Gala Contact');
    await pick(page, `Ines Contact (${ISOLATED})`, 'Change to');
    await expect.poll(() => supportList(page)).toContain('Ines Contact');
    const beside = await supportList(page);
    await pick(page, `Omar Contact (${ISOLATED})`, 'Change to');
    await expect.poll(() => supportList(page)).toContain('Omar Contact');
    await expect.poll(() => supportList(page)).not.toContain('Ines Contact');
    await checkPage(page, 'domain');
    const listed = await listedSupport(page, base, domain.label);

    // Assess: the global contact stays through the change; the isolated one is replaced
    expect(before).toBe('Deactivated');
    expect(beside).toContain('Gala Contact');
    expect(listed?.split(', ').sort()).toEqual(
      [`Gala Contact (${GLOBAL})`, `Omar Contact (${ISOLATED})`].sort()
    );

    // Act / Assess: resetting both leaves the domain Deactivated again
    await page.getByRole('link', { name: domain.label }).click();
    await page.getByRole('button', { name: 'Reset Omar Contact' }).click();
    await expect.poll(() => supportList(page)).not.toContain('Omar Contact');
    await page.getByRole('button', { name: 'Reset Gala Contact' }).click();
    await page.getByTestId('support-state').waitFor();
    await expect(listedSupport(page, base, domain.label)).resolves.toBe('Deactivated');
  });
});
