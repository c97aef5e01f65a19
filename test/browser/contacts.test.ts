/**
 * Contacts in Chromium, as the primary contact of an account of its own:
 * editing a contact, its email preferences, a login with the primary's
 * privileges or by invitation, and a sub-account changing its own details.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  addContact,
  addSubAccountLogin,
  freshAccount,
  freshPassword,
  invitationPasswordFor,
  TEST_PASSWORD,
  type Tenant,
} from './people.ts';
import {
  acceptAsNewcomer,
  accountPath,
  checkPage,
  dashboardAreas,
  fillNewContact,
  signIn,
  usePortal,
} from './support.ts';

const portal = usePortal();

/** The primary of a fresh account, signed in; `base` is where its pages live. */
const signedInOwner = async (label: string) => {
  const tenant = await freshAccount(label);
  const page = await portal.page();
  await signIn(page, portal.url, tenant.email, TEST_PASSWORD);
  return { tenant, page, base: `${portal.url}${accountPath(page.url())}` };
};

/** The same, with a contact without a login to work on. */
const ownerWithContact = async (label: string) => {
  const owner = await signedInOwner(label);
  return { ...owner, contact: await addContact(owner.tenant) };
};

/** Opens a contact's page and waits for its form. */
const openContact = async (page: Page, base: string, contactId: string) => {
  await page.goto(`${base}/contacts/${contactId}`);
  await page.getByTestId('contact-form').waitFor();
};

const save = async (page: Page) => {
  await page.getByRole('button', { name: 'Save' }).first().click();
  await page.getByText('Saved.').waitFor();
};

/** Whether each checkbox matched by `boxes` is ticked, in page order. */
const checkedStates = async (boxes: Locator) =>
  Promise.all((await boxes.all()).map((box) => box.isChecked()));

const subStatus = (page: Page) => page.getByTestId('sub-status').textContent();

describe('a contact', () => {
  it('is added as an individual: its page opens, and the list shows it without a login', async () => {
    // Prepare
    const { page, base } = await signedInOwner('Add');
    const email = `nia-${Date.now()}@example.org`;
    await page.goto(`${base}/contacts/new`);

    // Act
    const kind = await page.getByLabel('Kind').inputValue();
    await fillNewContact(page, {
      firstName: 'Nia',
      lastName: 'Okafor',
      email,
      phone: '+441632960444',
      line1: '5 Mill Street',
      city: 'Leeds',
      postcode: 'LS2 7HY',
      country: 'GB',
    });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Sub-account login' }).waitFor();

    // Assess
    expect(kind).toBe('individual');
    await expect(page.getByLabel('Last name').inputValue()).resolves.toBe('Okafor');
    await page.goto(`${base}/contacts`);
    const row = page.getByRole('row').filter({ hasText: email });
    await expect.poll(() => row.textContent()).toContain('Nia Okafor');
    await expect(row.textContent()).resolves.toContain('No login');
  });

  it('is edited: the new details stand after a reload and in the contact list', async () => {
    // Prepare
    const { contact, page, base } = await ownerWithContact('Edit');
    await openContact(page, base, contact.contactId);

    // Act
    await page.getByLabel('Last name').fill('Renamed');
    await page.getByLabel(/^Phone/).fill('+441632960123');
    await page.getByLabel('City').fill('York');
    await save(page);

    // Assess
    await page.reload();
    await page.getByTestId('contact-form').waitFor();
    await expect(page.getByLabel('Last name').inputValue()).resolves.toBe('Renamed');
    await expect(page.getByLabel(/^Phone/).inputValue()).resolves.toBe('+441632960123');
    await expect(page.getByLabel('City').inputValue()).resolves.toBe('York');
    await page.goto(`${base}/contacts`);
    await expect
      .poll(() => page.getByRole('row').filter({ hasText: contact.email }).textContent())
      .toContain('Plain Renamed');
  });

  it('keeps its email preferences per category, shown again after a reload', async () => {
    // Prepare
    const { contact, page, base } = await ownerWithContact('Prefs');
    await openContact(page, base, contact.contactId);
    const prefs = page.getByRole('group', { name: 'Email preferences' }).getByRole('checkbox');
    const before = await checkedStates(prefs);

    // Act: flip the first and the last category
    const flipped = before.map((on, i) => (i === 0 || i === before.length - 1 ? !on : on));
    await prefs.first().setChecked(flipped[0] ?? false);
    await prefs.last().setChecked(flipped.at(-1) ?? false);
    await save(page);
    await checkPage(page, 'contact-preferences');
    await page.reload();
    await page.getByTestId('contact-form').waitFor();

    // Assess
    expect(before.length).toBe(5);
    await expect.poll(() => checkedStates(prefs)).toEqual(flipped);
  });
});

describe('a contact’s login', () => {
  it('is activated with the same privileges as the primary, which the person has once accepted', async () => {
    // Prepare
    const { tenant, contact, page, base } = await ownerWithContact('Same');
    const primaryAreas = await dashboardAreas(page);
    await openContact(page, base, contact.contactId);

    // Act
    await page
      .getByRole('group', { name: 'You may open' })
      .getByLabel('Same privileges as the primary')
      .check();
    await page.getByRole('button', { name: 'Generate a password' }).click();
    const field = page.getByLabel(/^Set a password/);
    await expect.poll(() => field.inputValue()).not.toBe('');
    const temporary = await field.inputValue();
    await page.getByRole('button', { name: 'Activate sub-account' }).click();
    await expect.poll(() => subStatus(page)).toMatch(/^Invited: /);
    const newcomer = await portal.page();
    const login = { email: contact.email, temporary, chosen: freshPassword() };
    await acceptAsNewcomer(newcomer, portal.url, login, tenant.name);

    // Assess: every area the primary has, listed on both sides
    expect(primaryAreas.length).toBeGreaterThan(5);
    await expect(dashboardAreas(newcomer)).resolves.toEqual(primaryAreas);
    await page.reload();
    await expect.poll(() => subStatus(page)).toBe(`Active: ${primaryAreas.join(', ')}`);
  });

  it('is activated by invitation: withdraw only until the person accepts with the mailed password', async () => {
    // Prepare
    const { tenant, contact, page, base } = await ownerWithContact('Invite');
    await openContact(page, base, contact.contactId);

    // Act
    await page
      .getByRole('group', { name: 'You may open' })
      .getByLabel('Invoices', { exact: true })
      .check();
    await page.getByLabel('Send an invitation instead').check();
    const passwordFields = await page.getByLabel(/^Set a password/).count();
    await page.getByRole('button', { name: 'Activate sub-account' }).click();
    await expect.poll(() => subStatus(page)).toBe('Invited: Invoices');
    await checkPage(page, 'contact-invited');
    const whileInvited = {
      suspend: await page.getByRole('button', { name: 'Suspend' }).count(),
      withdraw: await page.getByRole('button', { name: 'Withdraw the invitation' }).count(),
    };
    const newcomer = await portal.page();
    const temporary = await invitationPasswordFor(contact.email);
    const login = { email: contact.email, temporary, chosen: freshPassword() };
    await acceptAsNewcomer(newcomer, portal.url, login, tenant.name);
    await page.reload();

    // Assess: no password of the granter's; Suspend only once it is a login in use
    expect(passwordFields).toBe(0);
    expect(whileInvited).toEqual({ suspend: 0, withdraw: 1 });
    await expect.poll(() => subStatus(page)).toBe('Active: Invoices');
    await expect(page.getByRole('button', { name: 'Suspend' }).count()).resolves.toBe(1);
    await expect(dashboardAreas(newcomer)).resolves.toEqual(['Invoices']);
  });
});

describe('a sub-account', () => {
  const withSubAccount = async (): Promise<{
    tenant: Tenant;
    email: string;
    contactId: string;
  }> => {
    const tenant = await freshAccount('Own');
    const { email, contactId } = await addSubAccountLogin(tenant, ['invoices']);
    return { tenant, email, contactId };
  };

  it('changes its own details in My contact, which the account’s primary then sees', async () => {
    // Prepare: a login with the invoices area only
    const { tenant, email, contactId } = await withSubAccount();
    const page = await portal.page();
    await signIn(page, portal.url, email, TEST_PASSWORD);

    // Act
    await page.getByRole('link', { name: 'My contact' }).click();
    await page.getByTestId('contact-form').waitFor();
    await page.getByLabel('City').fill('Harrogate');
    await page.getByLabel(/^Phone/).fill('+441632960777');
    await save(page);
    await checkPage(page, 'my-contact-sub-account');

    // Assess: its own page after a reload, and the primary's view of the contact
    await page.reload();
    await page.getByTestId('contact-form').waitFor();
    await expect(page.getByLabel('City').inputValue()).resolves.toBe('Harrogate');
    const owner = await portal.page();
    await signIn(owner, portal.url, tenant.email, TEST_PASSWORD);
    await openContact(owner, `${portal.url}${accountPath(owner.url())}`, contactId);
    await expect(owner.getByLabel('City').inputValue()).resolves.toBe('Harrogate');
    await expect(owner.getByLabel(/^Phone/).inputValue()).resolves.toBe('+441632960777');
  });
});
