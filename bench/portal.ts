/**
 * The portal's figures for `npm run bench`: the gzip size of the JavaScript
 * the first page loads, and the time from navigating to the client area
 * (signed in) until the dashboard is usable, in Chromium against a local
 * stack with the demo data.
 */
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildPortal, PORTAL_DIR } from '../lib/portal-build.ts';
import { CHROMIUM, CHROMIUM_ARGS } from '../local/chromium.ts';
import { startPortalServer } from '../local/portal-server.ts';
import { applyLocalStackEnv, startLocalStack } from '../local/stack.ts';
import { createCognitoClient } from '../scripts/local-stack/clients.ts';
import { KB, percentile } from './stats.ts';

export const PORTAL_BUDGETS = { firstPageJsGzipBytes: 150 * KB, dashboardMs: 1000 } as const;
const PASSWORD = 'Portico-Demo-2026!';
const RUNS = 7;

/** Every script the first page asks for: entry modules and their preloads. */
export const firstPageJsGzip = async (): Promise<number> => {
  const dist = join(PORTAL_DIR, 'dist');
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map(
    (m) => m[1] ?? ''
  );
  const sizes = await Promise.all(
    scripts.map(async (s) => gzipSync(await readFile(join(dist, s))).length)
  );
  if (!scripts.length)
    throw new Error(`no script in ${dist}/index.html (${(await readdir(dist)).join(', ')})`);
  return sizes.reduce((a, b) => a + b, 0);
};

export interface PortalFigures {
  firstPageJsGzipBytes: number;
  dashboardMs: { p50: number; max: number; runs: number };
  signInToDashboardMs: number;
  problems: string[];
}

export const PORTAL_FIGURES_MARK = 'portal figures: ';

/**
 * Runs bench/portal-main.ts in a child `node` (tsx), its progress passed
 * through, and reads the figures it prints.
 */
export const measurePortalApart = (): Promise<PortalFigures> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', new URL('./portal-main.ts', import.meta.url).pathname],
      { stdio: ['ignore', 'pipe', 'inherit'] }
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout
        .split('\n')
        .find((candidate) => candidate.startsWith(PORTAL_FIGURES_MARK));
      if (code !== 0 || !line) reject(new Error(`the portal measurement exited with ${code}`));
      else resolve(JSON.parse(line.slice(PORTAL_FIGURES_MARK.length)) as PortalFigures);
    });
  });

export const measurePortal = async (progress: (line: string) => void): Promise<PortalFigures> => {
  progress('building the portal');
  await buildPortal();
  const firstPageJsGzipBytes = await firstPageJsGzip();
  progress('starting a local stack for the portal');
  const stack = await startLocalStack();
  const { chromium } = await import('playwright-core');
  try {
    applyLocalStackEnv(stack);
    const { seedDemoData } = await import('../local/seed.ts');
    const cognito = createCognitoClient(stack);
    await seedDemoData({ cognito, userPoolId: stack.userPoolId, password: PASSWORD }).finally(() =>
      cognito.destroy()
    );
    const { startGateway } = await import('../local/gateway.ts');
    const gateway = await startGateway({ port: 0, stack });
    await gateway.preload();
    const portal = await startPortalServer({ port: 0, apiUrl: gateway.url });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
    try {
      const page = await browser.newPage();
      await page.goto(`${portal.url}/sign-in`);
      await page.getByLabel(/email/i).fill('owner@demo.example');
      await page.getByLabel(/^password$/i).fill(PASSWORD);
      const signInStart = Date.now();
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByTestId('dashboard').waitFor();
      const signInToDashboardMs = Date.now() - signInStart;
      progress(`timing navigation to the dashboard (${RUNS} runs)`);
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const start = Date.now();
        await page.goto(`${portal.url}/`);
        await page.getByTestId('dashboard').waitFor();
        times.push(Date.now() - start);
      }
      const dashboardMs = { p50: percentile(times, 50), max: Math.max(...times), runs: RUNS };
      const problems = [
        ...(firstPageJsGzipBytes > PORTAL_BUDGETS.firstPageJsGzipBytes
          ? ['portal first-page JavaScript over 150 KB gzip']
          : []),
        ...(dashboardMs.p50 > PORTAL_BUDGETS.dashboardMs ? ['portal dashboard p50 over 1 s'] : []),
      ];
      await portal.close();
      await gateway.close();
      return { firstPageJsGzipBytes, dashboardMs, signInToDashboardMs, problems };
    } finally {
      await browser.close();
    }
  } finally {
    await stack.stop();
  }
};

export const renderPortalMarkdown = (f: PortalFigures): string =>
  [
    '',
    '## Portal (Chromium, local stack)',
    '',
    '| figure | measured | budget |',
    '| --- | --- | --- |',
    `| first-page JavaScript, gzip | ${(f.firstPageJsGzipBytes / KB).toFixed(1)} KB | ≤ 150 KB |`,
    `| navigation to a usable dashboard, signed in (p50 of ${f.dashboardMs.runs}; max) | ${f.dashboardMs.p50} ms; ${f.dashboardMs.max} ms | ≤ 1000 ms |`,
    `| sign-in submit to dashboard (one run) | ${f.signInToDashboardMs} ms | — |`,
    '',
  ].join('\n');
