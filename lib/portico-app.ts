/**
 * Composes one stage of Portico into an app: the stateful stack and the API
 * stack that uses it. Shared by bin/portico.ts and the infra tests so both
 * synthesize exactly the same thing.
 */
import { type App, Tags } from 'aws-cdk-lib';
import { ApiStack } from './api-stack.ts';
import type { StageConfig } from './config.ts';
import { PortalStack } from './portal-stack.ts';
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
  api.addDependency(stateful);
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
