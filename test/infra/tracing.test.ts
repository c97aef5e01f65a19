/** X-Ray: off in the stages as shipped, on with a sampling rule when a stage's `tracing.enabled` says so. */
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { STAGE_NAMES } from '../../lib/config.ts';
import { addPorticoStacks } from '../../lib/portico-app.ts';
import { actionsOf, newApp, stageConfig, synthPortico } from './app.ts';

const policyActions = (template: Template) =>
  actionsOf(
    Object.values(template.findResources('AWS::IAM::Policy')).flatMap(
      (policy) => policy.Properties.PolicyDocument.Statement
    )
  );

describe('tracing', () => {
  it.each(STAGE_NAMES)(
    'is off in %s as shipped: no function traces, no X-Ray grant, no sampling rule',
    (stage) => {
      // Prepare
      const { config, apiTemplate: template } = synthPortico(stage);

      // Act
      const functions = Object.values(template.findResources('AWS::Lambda::Function'));

      // Assess
      expect(config.tracing.enabled).toBe(false);
      for (const fn of functions) expect(fn.Properties.TracingConfig).toBeUndefined();
      expect(policyActions(template).filter((action) => action.startsWith('xray:'))).toEqual([]);
      template.resourceCountIs('AWS::XRay::SamplingRule', 0);
    }
  );

  it('when switched on, traces every function actively and samples the stage’s functions at the configured rate', () => {
    // Prepare
    const base = stageConfig('dev');
    const config = { ...base, tracing: { enabled: true, samplingRate: 0.1 } };
    const app = newApp();
    const { api } = addPorticoStacks(app, config);

    // Act
    app.synth();
    const template = Template.fromStack(api);

    // Assess
    const functions = Object.values(template.findResources('AWS::Lambda::Function'));
    expect(functions.length).toBeGreaterThan(0);
    for (const fn of functions) expect(fn.Properties.TracingConfig).toEqual({ Mode: 'Active' });
    expect(policyActions(template)).toContain('xray:PutTraceSegments');
    template.hasResourceProperties('AWS::XRay::SamplingRule', {
      SamplingRule: {
        RuleName: 'portico-dev',
        FixedRate: 0.1,
        ReservoirSize: 1,
        ServiceName: `${api.stackName}-*`,
      },
    });
    // Each acknowledgement follows the switch (the X-Ray wildcard grant, the untraced functions).
    expect(new AwsSolutionsChecks().validateScope(app).violations).toEqual([]);
    expect(new ServerlessChecks().validateScope(app).violations).toEqual([]);
  });
});
