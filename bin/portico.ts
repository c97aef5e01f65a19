/**
 * The CDK app. The only infrastructure file that reads the environment or
 * context: `-c stage=dev|prod` (default dev) selects the settings under
 * `portico:stages` in cdk.json. The stacks go to the account and region the
 * stage names; credentials the CLI found for another account stop synthesis
 * (offline, without credentials, nothing is compared).
 */
import { App } from 'aws-cdk-lib';
import { buildPortal } from '../lib/portal-build.ts';
import { definePorticoApp } from '../lib/portico-app.ts';

// The portal stack deploys portal/dist: built from the sources checked out now.
await buildPortal();
definePorticoApp(new App(), {
  account: process.env.CDK_DEFAULT_ACCOUNT,
});
