/**
 * What a lesser login, another account's customer or a stranger meets in the
 * portal: the no-permission page built from the 403's members, no way into
 * another account by URL, and the sign-in page for anyone without a session.
 * Also the Spanish portal, chosen by the browser and switchable.
 */
import { describe, expect, it } from 'vitest';
import { accountPath, checkPage, fillNewContact, signIn, usePortal } from './support.ts';

const portal = usePortal();

describe('the no-permission page', () => {
  it('shows a sub-account the area it tried, the areas it may open and whom to ask', async () => {
    // Prepare: billing holds invoices and profile only
    const page = await portal.page();
    await signIn(page, portal.url, 'billing@demo.example');
    const base = accountPath(page.url());

    // Act
    await page.goto(`${portal.url}${base}/tickets`);

    // Assess
    const denied = page.getByTestId('no-permission');
    await denied.waitFor();
    await expect(denied.getByRole('heading').textContent()).resolves.toBe(
      'You have no access to Support tickets'
    );
    await expect(denied.getByRole('link', { name: 'Invoices' }).count()).resolves.toBe(1);
    await expect(denied.textContent()).resolves.toContain('ask Alex Morgan');
    await checkPage(page, 'no-permission-en');
  });

  it('speaks Spanish when the browser asks for it, and switches back to English on request', async () => {
    // Prepare
    const page = await portal.page('es');
    await page.goto(`${portal.url}/sign-in`);
    await expect(page.getByRole('heading').textContent()).resolves.toBe('Entrar');
    await signIn(page, portal.url, 'billing@demo.example');
    const base = accountPath(page.url());

    // Act
    await page.goto(`${portal.url}${base}/tickets`);
    const denied = page.getByTestId('no-permission');
    await denied.waitFor();

    // Assess: the words come from the problem's area and type, not its English detail
    await expect(denied.getByRole('heading').textContent()).resolves.toBe(
      'No tiene acceso a Tickets de soporte'
    );
    await expect(denied.textContent()).resolves.toContain('Su acceso no incluye esta área.');
    await checkPage(page, 'no-permission-es');
    await page.getByLabel('Idioma').selectOption('en');
    await expect(denied.getByRole('heading').textContent()).resolves.toBe(
      'You have no access to Support tickets'
    );
  });

  it('shows My Details errors in Spanish from the field code', async () => {
    // Prepare
    const page = await portal.page('es');
    await signIn(page, portal.url, 'owner@demo.example');
    await page.goto(`${portal.url}${accountPath(page.url())}/details`);
    await page.getByTestId('contact-form').waitFor();

    // Act
    await page.getByLabel(/^País/).fill('Narnia');
    await page.getByRole('button', { name: 'Guardar' }).click();

    // Assess
    await expect(page.locator('#f-address-country-error').textContent()).resolves.toMatch(
      /país|formato|largo/i
    );
    await checkPage(page, 'my-details-es');
  });
});

describe('reaching past one’s own login', () => {
  it('keeps a customer of another account out of the demo account even with its URL', async () => {
    // Prepare: the demo account's id, seen by its owner
    const owner = await portal.page();
    await signIn(owner, portal.url, 'owner@demo.example');
    const demoBase = accountPath(owner.url());
    const other = await portal.page();
    await signIn(other, portal.url, 'owner@other.example');
    const otherBase = accountPath(other.url());

    // Act
    await other.goto(`${portal.url}${demoBase}/contacts`);

    // Assess: sent back to its own account, never shown the other's data
    await other.waitForURL(`${portal.url}${otherBase}`);
    await expect(other.locator('body').textContent()).resolves.not.toContain('Demo Hosting Ltd');
  });

  it('keeps a sub-account without the contacts area from adding a contact by opening the form', async () => {
    // Prepare: billing lacks the contacts area
    const page = await portal.page();
    await signIn(page, portal.url, 'billing@demo.example');
    const base = accountPath(page.url());

    // Act: the contacts page of a login without the contacts area
    await page.goto(`${portal.url}${base}/contacts/new`);
    await fillNewContact(page, {
      firstName: 'Eve',
      lastName: 'Intruder',
      email: 'eve@example.org',
      phone: '+441632960000',
      line1: '1 Road',
      city: 'Leeds',
      postcode: 'LS1 1AA',
      country: 'GB',
    });
    await page.getByRole('button', { name: 'Save' }).click();

    // Assess: the API refuses, and the portal says so in its words
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Your login does not include this area.'
    );
  });

  it('sends a stranger without a session to the sign-in page from any account URL', async () => {
    // Prepare
    const page = await portal.page();

    // Act
    await page.goto(`${portal.url}/a/some-account/invoices`);

    // Assess
    await page.waitForURL(/\/sign-in\?next=/);
    await checkPage(page, 'sign-in');
  });

  it('answers a wrong password and an unknown address with the same words, so no address is confirmed', async () => {
    // Prepare
    const page = await portal.page();
    const attempt = async (email: string) => {
      await page.goto(`${portal.url}/sign-in`);
      await page.getByLabel(/email/i).fill(email);
      await page.getByLabel(/^password$/i).fill('Wrong-Password-1!');
      await page.getByRole('button', { name: 'Sign in' }).click();
      return page.getByRole('alert').textContent();
    };

    // Act
    const known = await attempt('owner@demo.example');
    const unknown = await attempt('nobody@nowhere.example');

    // Assess
    expect(known).toBe(unknown);
  });
});
