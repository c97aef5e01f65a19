/**
 * X-Ray for a stage that turns it on (`tracing.enabled`): the functions
 * trace actively (portico-function.ts) and this rule sets how many of their
 * requests X-Ray records. HTTP APIs send no traces (X-Ray tracing is a REST
 * API feature), so a trace starts at the function.
 */
import { Stack } from 'aws-cdk-lib';
import { CfnSamplingRule } from 'aws-cdk-lib/aws-xray';
import type { Construct } from 'constructs';
import type { StageConfig } from '../config.ts';

/** Adds the stage's sampling rule when tracing is on; otherwise adds nothing. */
export const addTracingSampling = (scope: Construct, stage: StageConfig): void => {
  if (!stage.tracing.enabled) return;
  new CfnSamplingRule(scope, 'TracingSamplingRule', {
    samplingRule: {
      ruleName: `portico-${stage.name}`,
      priority: 1000,
      // One trace a second, then this share of the rest.
      reservoirSize: 1,
      fixedRate: stage.tracing.samplingRate,
      // CloudFormation names functions `<stack name>-<id>-<suffix>`: the rule covers this
      // stage's functions and nothing else in the account.
      serviceName: `${Stack.of(scope).stackName}-*`,
      serviceType: '*',
      host: '*',
      httpMethod: '*',
      urlPath: '*',
      resourceArn: '*',
      version: 1,
    },
  });
};
