import { Bucket } from 'aws-cdk-lib/aws-s3';
import { describe, expect, it } from 'vitest';
import { STAGES_CONTEXT_KEY } from '../../lib/config.ts';
import { definePorticoApp } from '../../lib/portico-app.ts';
import { assertDeployTarget, StageGuardError } from '../../lib/stage-guards.ts';
import { CDK_CONTEXT, newApp, OPERATOR_STAGES, stageConfig, synthPortico } from './app.ts';

/** An app as `cdk synth -c stage=…` builds it from cdk.json (prod filled in unless shipped). */
const cliApp = (stage: string, stages: unknown = OPERATOR_STAGES) =>
  newApp({ [STAGES_CONTEXT_KEY]: stages, stage });

// Synthesized at import time (cached): bundling the handlers outlasts a test's timeout.
synthPortico('prod');

describe('deploy target', () => {
  const prod = stageConfig('prod');

  it('binds the three stacks to the account and region the stage names', () => {
    // Prepare
    const { stateful, api, portal, config } = synthPortico('prod');

    // Act
    const envs = [stateful, api, portal].map((stack) => ({
      account: stack.account,
      region: stack.region,
    }));

    // Assess
    expect(envs).toEqual([config.aws, config.aws, config.aws]);
  });

  it('lets an offline synth without credentials through', () => {
    // Prepare
    const target = { account: undefined };

    // Act
    const check = () => assertDeployTarget(prod, target);

    // Assess
    expect(check).not.toThrow();
  });

  it('accepts credentials for the stage’s own account', () => {
    // Prepare
    const target = { account: prod.aws.account };

    // Act
    const check = () => assertDeployTarget(prod, target);

    // Assess
    expect(check).not.toThrow();
  });

  it('refuses to deploy prod with credentials of another account', () => {
    // Prepare
    const target = { account: '999988887777' };

    // Act
    const check = () => assertDeployTarget(prod, target);

    // Assess
    expect(check).toThrow(StageGuardError);
    expect(check).toThrow(/credentials are for 999988887777/);
  });
});

describe('the CDK app (bin/portico.ts)', () => {
  it('refuses the shipped prod block before building any stack', () => {
    // Prepare
    const app = cliApp('prod', CDK_CONTEXT[STAGES_CONTEXT_KEY]);

    // Act
    const define = () => definePorticoApp(app, { account: undefined });

    // Assess
    expect(define).toThrow(StageGuardError);
    expect(define).toThrow(/aws.account 123456789012/);
    expect(app.node.children).toHaveLength(0);
  });

  it('refuses credentials of another account before building any stack', () => {
    // Prepare
    const app = cliApp('prod');

    // Act
    const define = () => definePorticoApp(app, { account: '999988887777' });

    // Assess
    expect(define).toThrow(/stage prod deploys to account 210987654321/);
    expect(app.node.children).toHaveLength(0);
  });

  it('builds dev when the context names no stage', () => {
    // Prepare
    const app = newApp();

    // Act
    const { stage, stateful } = definePorticoApp(app, { account: undefined });

    // Assess
    expect(stage.name).toBe('dev');
    expect(stateful.stackName).toBe('Portico-dev-Stateful');
  });

  it('fails synthesis on a cdk-nag finding nobody acknowledged', () => {
    // Prepare
    const app = cliApp('dev');
    const { api } = definePorticoApp(app, { account: undefined });
    new Bucket(api, 'UnacknowledgedBucket');

    // Act
    const synth = () => app.synth();

    // Assess
    expect(synth).toThrow(/AwsSolutions-S10/);
  });
});
