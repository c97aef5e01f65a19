/**
 * The CDK app. The only infrastructure file that reads the environment or
 * context: `-c stage=dev|prod` (default dev) selects the settings under
 * `portico:stages` in cdk.json. The stacks go to the account and region the
 * stage names; credentials the CLI found for another account or region stop
 * synthesis (offline, without credentials, nothing is compared).
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { parseStageConfig, STAGES_CONTEXT_KEY } from '../lib/config.ts';
import { addPorticoStacks } from '../lib/portico-app.ts';
import { assertDeployTarget } from '../lib/stage-guards.ts';

const app = new App();
const stage = parseStageConfig(
  app.node.tryGetContext('stage') ?? 'dev',
  app.node.tryGetContext(STAGES_CONTEXT_KEY)
);

assertDeployTarget(stage, {
  account: process.env.CDK_DEFAULT_ACCOUNT,
  region: process.env.CDK_DEFAULT_REGION,
});
addPorticoStacks(app, stage);

// Unacknowledged errors fail synth; each acknowledgement sits on the construct it concerns.
Validations.of(app).addPlugins(
  new AwsSolutionsChecks(app, { verbose: true }),
  new ServerlessChecks(app, { verbose: true })
);
