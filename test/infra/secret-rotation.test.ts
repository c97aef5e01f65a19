/**
 * Rotating a generated secret (docs/deploy.md, "Rotating a secret"): a new
 * version named in the stage's `secretVersions` changes the functions'
 * reference, the only change that makes CloudFormation resolve it again.
 */
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ENV } from '../../functions/core/platform/config.ts';
import { addPorticoStacks } from '../../lib/portico-app.ts';
import { logicalIdOf, newApp, stageConfig, synthPortico } from './app.ts';

const CURSOR_VERSION = 'a1b2c3d4-1111-2222-3333-444455556666';
const UNSUBSCRIBE_VERSION = 'f6e5d4c3-7777-8888-9999-000011112222';

// Synthesized at import time (cached): bundling the handlers outlasts a test's timeout.
const shipped = synthPortico('prod');

const environmentOf = (template: Template, logicalId: string): Record<string, unknown> =>
  template.findResources('AWS::Lambda::Function')[logicalId]?.Properties.Environment.Variables;

describe('secret rotation', () => {
  it('references the current version of each secret while the stage names none', () => {
    // Prepare
    const { api, apiTemplate } = shipped;

    // Act
    const contacts = environmentOf(apiTemplate, logicalIdOf(api.functions.contacts));

    // Assess
    expect(JSON.stringify(contacts[ENV.cursorSecret])).toMatch(/:SecretString:::}}/);
    expect(JSON.stringify(contacts[ENV.unsubscribeSecret])).toMatch(/:SecretString:::}}/);
  });

  it('references the versions the stage names, in every function holding each secret', () => {
    // Prepare
    const base = stageConfig('prod');
    const config = {
      ...base,
      secretVersions: { cursor: CURSOR_VERSION, unsubscribe: UNSUBSCRIBE_VERSION },
    };
    const app = newApp();
    const { api } = addPorticoStacks(app, config);

    // Act
    app.synth();
    const template = Template.fromStack(api);
    const environments = Object.values(template.findResources('AWS::Lambda::Function')).map(
      (fn) => fn.Properties.Environment?.Variables ?? {}
    );

    // Assess
    const holding = (name: string) => environments.filter((env) => name in env);
    expect(holding(ENV.cursorSecret).length).toBeGreaterThan(1);
    for (const env of holding(ENV.cursorSecret))
      expect(JSON.stringify(env[ENV.cursorSecret])).toContain(
        `:SecretString:::${CURSOR_VERSION}}}`
      );
    expect(holding(ENV.unsubscribeSecret)).toHaveLength(2);
    for (const env of holding(ENV.unsubscribeSecret))
      expect(JSON.stringify(env[ENV.unsubscribeSecret])).toContain(
        `:SecretString:::${UNSUBSCRIBE_VERSION}}}`
      );
  });

  it('names the secrets, the functions a replay invokes and every dead-letter queue in outputs', () => {
    // Prepare
    const { api, apiTemplate } = shipped;

    // Act
    const outputs = apiTemplate.findOutputs('*');

    // Assess
    // Cross-stack references add outputs of their own (the portal stack's API URL).
    expect(Object.keys(outputs)).toEqual(
      expect.arrayContaining([
        'AlertTopicArn',
        'ApiUrl',
        'CursorSecretArn',
        'FeedbackDeadLettersUrl',
        'FeedbackFunctionName',
        'InboundDeadLettersUrl',
        'InboundFunctionName',
        'MailerDeadLettersUrl',
        'NotifyDeadLettersUrl',
        'NotifyFunctionName',
        'OutboxDeadLettersUrl',
        'UnsubscribeSecretArn',
      ])
    );
    expect(outputs.InboundFunctionName?.Value).toEqual({ Ref: logicalIdOf(api.inbound.function) });
    expect(outputs.MailerDeadLettersUrl?.Value).toEqual({
      Ref: logicalIdOf(api.mailer.deadLetters),
    });
  });
});
