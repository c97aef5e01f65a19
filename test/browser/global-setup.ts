/**
 * The browser project: Debian's Chromium must be there (one line says how
 * to get it), the portal is built once, then the same local stack as the
 * emulators project starts.
 */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildPortal } from '../../lib/portal-build.ts';
import { CHROMIUM } from '../../local/chromium.ts';
import { setup as startStack, teardown as stopStack } from '../global-setup.ts';

export const setup = async (project: TestProject): Promise<void> => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: run apt-get install -y chromium`);
  }
  await buildPortal();
  await startStack(project);
};

export const teardown = stopStack;
