/**
 * The CDK app. The only infrastructure file that reads the environment or
 * context: `-c stage=dev|prod` (default dev) selects the settings under
 * `portico:stages` in cdk.json; account and region come from the CLI's
 * credentials when present, otherwise the stacks stay environment-agnostic.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { parseStageConfig, STAGES_CONTEXT_KEY } from '../lib/config.ts';
import { addPorticoStacks } from '../lib/portico-app.ts';

const app = new App();
const stage = parseStageConfig(
  app.node.tryGetContext('stage') ?? 'dev',
  app.node.tryGetContext(STAGES_CONTEXT_KEY)
);

addPorticoStacks(app, stage, {
  account: process.env.CDK_DEFAULT_ACCOUNT,
  region: process.env.CDK_DEFAULT_REGION,
});

// Unacknowledged errors fail synth; each acknowledgement sits on the construct it concerns.
Validations.of(app).addPlugins(
  new AwsSolutionsChecks(app, { verbose: true }),
  new ServerlessChecks(app, { verbose: true })
);
