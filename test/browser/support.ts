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

/** Signs in through the portal's own form and waits for the dashboard. */
export const signIn = async (
  page: Page,
  baseUrl: string,
  email: string,
  password = demo().password
) => {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(/email|correo/i).fill(email);
  await page.getByLabel(/^(password|contraseña)$/i).fill(password);
  await page.getByRole('button', { name: /sign in|entrar/i }).click();
  await page.getByTestId('dashboard').waitFor();
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
