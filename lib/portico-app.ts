/**
 * Composes one stage of Portico into an app: the stateful stack and the API
 * stack that uses it. Shared by bin/portico.ts and the infra tests so both
 * synthesize exactly the same thing.
 */
import { type App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { ApiStack } from './api-stack.ts';
import { parseStageConfig, STAGES_CONTEXT_KEY, type StageConfig } from './config.ts';
import { PortalStack } from './portal-stack.ts';
import { assertDeployTarget, type DeployTarget } from './stage-guards.ts';
import { StatefulStack } from './stateful-stack.ts';

export interface PorticoStacks {
  stateful: StatefulStack;
  api: ApiStack;
  portal: PortalStack;
}

/** Both stacks are bound to the account and region the stage names (lib/stage-guards.ts). */
export const addPorticoStacks = (app: App, stage: StageConfig): PorticoStacks => {
  const env = { account: stage.aws.account, region: stage.aws.region };
  const stateful = new StatefulStack(app, `Portico-${stage.name}-Stateful`, { stage, env });
  const api = new ApiStack(app, `Portico-${stage.name}-Api`, {
    stage,
    env,
    table: stateful.table,
    userPool: stateful.auth.userPool,
    client: stateful.auth.client,
    staffPool: stateful.staffAuth.userPool,
    staffClient: stateful.staffAuth.client,
    // The Cognito trigger lives in the stateful stack; its alarms go to the same topic.
    alsoMonitor: [stateful],
  });
  // The API stack imports the invoice bucket by its export (lib/constructs/invoice-bucket.ts).
  api.addStackDependency(stateful);
  const portal = new PortalStack(app, `Portico-${stage.name}-Portal`, {
    env,
    apiUrl: api.httpApi.url,
    userPool: stateful.auth.userPool,
    client: stateful.auth.client,
    staffPool: stateful.staffAuth.userPool,
    staffClient: stateful.staffAuth.client,
    signIn: { client: stateful.auth.signInFlow, staff: stateful.staffAuth.signInFlow },
  });
  for (const stack of [stateful, api, portal]) {
    Tags.of(stack).add('project', 'portico');
    Tags.of(stack).add('stage', stage.name);
  }
  return { stateful, api, portal };
};

/**
 * What `cdk synth` and `cdk deploy` run (bin/portico.ts): the stage the
 * context names (`-c stage=…`, dev by default), its settings checked and
 * compared with the credentials' account, its stacks, and cdk-nag, whose
 * unacknowledged errors fail synthesis.
 */
export const definePorticoApp = (
  app: App,
  credentials: DeployTarget
): PorticoStacks & { stage: StageConfig } => {
  const stage = parseStageConfig(
    app.node.tryGetContext('stage') ?? 'dev',
    app.node.tryGetContext(STAGES_CONTEXT_KEY)
  );
  assertDeployTarget(stage, credentials);
  const stacks = addPorticoStacks(app, stage);
  // Each acknowledgement sits on the construct it concerns.
  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app, { verbose: true }),
    new ServerlessChecks(app, { verbose: true })
  );
  return { stage, ...stacks };
};
