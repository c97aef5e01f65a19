/**
 * Builds the portal's static files (portal/dist), the asset the portal stack
 * deploys. `cdk synth` runs it first (bin/portico.ts), the way NodejsFunction
 * bundles each handler, so a deploy never ships a stale or missing portal.
 */
import { fileURLToPath } from 'node:url';

export const PORTAL_DIR = fileURLToPath(new URL('../portal', import.meta.url));

/** Vite, a few seconds. */
export const buildPortal = async (): Promise<void> => {
  const { build } = await import('vite');
  await build({ configFile: `${PORTAL_DIR}/vite.config.ts`, logLevel: 'warn' });
};
