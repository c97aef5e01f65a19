import { describe, expect, it } from 'vitest';
import { assertDeployTarget, StageGuardError } from '../../lib/stage-guards.ts';
import { stageConfig, synthPortico } from './app.ts';

describe('deploy target', () => {
  const prod = stageConfig('prod');

  it('binds both stacks to the account and region the stage names', () => {
    // Prepare
    const { stateful, api, config } = synthPortico('prod');

    // Act
    const envs = [stateful, api].map((stack) => ({
      account: stack.account,
      region: stack.region,
    }));

    // Assess
    expect(envs).toEqual([config.aws, config.aws]);
  });

  it('lets an offline synth without credentials through', () => {
    // Prepare
    const target = { account: undefined, region: undefined };

    // Act
    const check = () => assertDeployTarget(prod, target);

    // Assess
    expect(check).not.toThrow();
  });

  it('accepts credentials for the stage’s own account and region', () => {
    // Prepare
    const target = { ...prod.aws };

    // Act
    const check = () => assertDeployTarget(prod, target);

    // Assess
    expect(check).not.toThrow();
  });

  it('refuses to deploy prod with credentials of another account', () => {
    // Prepare
    const target = { account: '999988887777', region: prod.aws.region };

    // Act
    const check = () => assertDeployTarget(prod, target);

    // Assess
    expect(check).toThrow(StageGuardError);
    expect(check).toThrow(/credentials are for 999988887777/);
  });

  it('refuses to deploy prod into another region', () => {
    // Prepare
    const target = { account: prod.aws.account, region: 'us-east-1' };

    // Act
    const check = () => assertDeployTarget(prod, target);

    // Assess
    expect(check).toThrow(/region eu-central-1, but the CLI is set to us-east-1/);
  });
});
