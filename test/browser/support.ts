/**
 * One browser per test file against the local stack: the gateway and the
 * built portal on free ports, Chromium through playwright-core, a
 * screenshot per page and an axe-core pass on each.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../../local/chromium.ts';
import { type PortalServer, startPortalServer } from '../../local/portal-server.ts';
import { useGateway } from '../support/gateway.ts';

const SHOTS = new URL('./.screenshots/', import.meta.url);
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

export interface PortalSession {
  readonly url: string;
  /** The API the portal calls (the local gateway), for setting up what operators load. */
  readonly apiUrl: string;
  readonly browser: Browser;
  /** A fresh page (own storage) in the given language. */
  page(language?: 'en' | 'es'): Promise<Page>;
}

export const usePortal = (): PortalSession => {
  const gateway = useGateway();
  let portal: PortalServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    portal = await startPortalServer({ port: 0, apiUrl: gateway.url });
    browser = await launchChromium();
    await mkdir(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.close();
  });
  return {
    get url() {
      if (!portal) throw new Error('the portal starts in beforeAll');
      return portal.url;
    },
    get apiUrl() {
      return gateway.url;
    },
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
    async page(language = 'en') {
      const context = await this.browser.newContext({
        locale: language === 'es' ? 'es-ES' : 'en-GB',
      });
      return context.newPage();
    },
  };
};

export const demo = () => {
  const stack = inject('localStack');
  return { password: stack.demoPassword, staff: stack.demoStaff };
};

/** `/a/<accountId>` of a portal URL: where that account's pages live. */
export const accountPath = (url: string) => new URL(url).pathname.split('/').slice(0, 3).join('/');

/** Fills and sends the portal's sign-in form; what follows is the caller's to wait for. */
export const submitSignIn = async (
  page: Page,
  baseUrl: string,
  email: string,
  password = demo().password
) => {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(/email|correo/i).fill(email);
  await page.getByLabel(/^(password|contraseña)$/i).fill(password);
  await page.getByRole('button', { name: /sign in|entrar/i }).click();
};

/** Signs in through the portal's own form and waits for the dashboard. */
export const signIn = async (
  page: Page,
  baseUrl: string,
  email: string,
  password = demo().password
) => {
  await submitSignIn(page, baseUrl, email, password);
  await page.getByTestId('dashboard').waitFor();
};

/** Answers the first sign-in's "choose a new password" and waits for what the login opens. */
export const chooseNewPassword = async (page: Page, password: string) => {
  await page.getByLabel('New password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
};

/**
 * A new login's first steps: its temporary password, a password of its own,
 * then Accept on the invitation to `accountName`, which opens that account.
 */
export const acceptAsNewcomer = async (
  page: Page,
  baseUrl: string,
  login: { email: string; temporary: string; chosen: string },
  accountName: string
) => {
  await submitSignIn(page, baseUrl, login.email, login.temporary);
  await chooseNewPassword(page, login.chosen);
  await page
    .getByRole('listitem')
    .filter({ hasText: accountName })
    .getByRole('button', { name: 'Accept' })
    .click();
  await page.getByTestId('dashboard').waitFor();
};

export interface NewContact {
  firstName: string;
  lastName: string;
  company?: string;
  email: string;
  phone: string;
  line1: string;
  city: string;
  postcode: string;
  country: string;
}

/** Fills the Add New Contact form (English labels); Kind is left as the caller set it. */
export const fillNewContact = async (page: Page, contact: NewContact) => {
  await page.getByLabel('First name').fill(contact.firstName);
  await page.getByLabel('Last name').fill(contact.lastName);
  if (contact.company) await page.getByLabel('Company').fill(contact.company);
  await page.getByLabel('Email').fill(contact.email);
  await page.getByLabel(/^Phone/).fill(contact.phone);
  await page.getByLabel('Address', { exact: true }).fill(contact.line1);
  await page.getByLabel('City').fill(contact.city);
  await page.getByLabel('Postcode').fill(contact.postcode);
  await page.getByLabel(/^Country/).fill(contact.country);
};

/** The areas the dashboard says this login may open, in its words. */
export const dashboardAreas = (page: Page) =>
  page.getByTestId('areas').getByRole('listitem').allTextContents();

/** The client session the portal keeps in the tab's sessionStorage. */
export interface StoredSession {
  accessToken: string;
  refreshToken?: string;
  expiresAt: number;
}

const SESSION_KEY = 'portico.session.client';

/** The page's own storage, as the portal's code sees it. */
interface Tab {
  sessionStorage: {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
  };
}

export const storedSession = async (page: Page): Promise<StoredSession | undefined> => {
  const raw = await page.evaluate(
    (key) => (globalThis as unknown as Tab).sessionStorage.getItem(key),
    SESSION_KEY
  );
  return raw ? (JSON.parse(raw) as StoredSession) : undefined;
};

/** Overwrites parts of the stored session, as time passing (or a revoked token) would leave it. */
export const alterSession = async (page: Page, changes: Partial<StoredSession>) => {
  const current = await storedSession(page);
  if (!current) throw new Error('no client session in this tab');
  await page.evaluate(
    ([key, value]) => (globalThis as unknown as Tab).sessionStorage.setItem(key, value),
    [SESSION_KEY, JSON.stringify({ ...current, ...changes })] as const
  );
};

/**
 * Counts, from now on, the page's Cognito calls of one operation
 * (`RevokeToken`) or auth flow (`REFRESH_TOKEN_AUTH`).
 */
export const countCognitoCalls = (page: Page, what: string) => {
  let count = 0;
  page.on('request', (request) => {
    const target = request.headers()['x-amz-target'];
    if (!target?.startsWith('AWSCognitoIdentityProviderService.')) return;
    const flow = (JSON.parse(request.postData() ?? '{}') as { AuthFlow?: string }).AuthFlow;
    if (target.endsWith(`.${what}`) || flow === what) count++;
  });
  return () => count;
};

/** Saves a screenshot and asserts axe-core finds nothing serious or critical on the page. */
export const checkPage = async (page: Page, name: string) => {
  await page.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname, fullPage: true });
  if (!(await page.evaluate(() => 'axe' in globalThis))) {
    await page.addScriptTag({ content: await readFile(AXE, 'utf8') });
  }
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(): Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes)`);
  });
  expect(violations, `axe on ${name}`).toEqual([]);
};
