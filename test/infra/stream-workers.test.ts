/** The stream workers of the api stack: the outbox and the mailer, their event sources, queues and grants. */
import { describe, expect, it } from 'vitest';
import { DELIVERY_STREAM_FILTER } from '#core/entities/delivery';
import { OUTBOX_STREAM_FILTER } from '#core/entities/outbox';
import { ENV } from '#core/platform/config';
import type { StreamWorker } from '../../lib/constructs/stream-worker.ts';
import { actionsOf, allowStatementsOf, logicalIdOf, synthPortico } from './app.ts';

const { api, config, apiTemplate: template } = synthPortico('dev');
const resources = template.toJSON().Resources;

const mappingOf = (worker: StreamWorker) => {
  const functionId = logicalIdOf(worker.function);
  const found = Object.values(template.findResources('AWS::Lambda::EventSourceMapping')).filter(
    (mapping) => mapping.Properties.FunctionName?.Ref === functionId
  );
  expect(found).toHaveLength(1);
  return found[0]?.Properties;
};

const statementsOf = (worker: StreamWorker) => {
  if (!worker.function.role) throw new Error('no role');
  return allowStatementsOf(template, logicalIdOf(worker.function.role));
};

const configurationSetName = `portico-${config.name}`;

describe('stream workers', () => {
  it.each([
    ['outbox', () => api.outbox, OUTBOX_STREAM_FILTER],
    ['mailer', () => api.mailer, DELIVERY_STREAM_FILTER],
  ] as const)(
    '%s receives only its new items from the table stream, failures bisected, retried and parked in its own encrypted queue',
    (_name, worker, filter) => {
      // Act
      const mapping = mappingOf(worker());

      // Assess
      expect(mapping).toMatchObject({
        StartingPosition: 'TRIM_HORIZON',
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: 5,
        FilterCriteria: { Filters: [{ Pattern: JSON.stringify(filter) }] },
        DestinationConfig: {
          OnFailure: { Destination: { 'Fn::GetAtt': [logicalIdOf(worker().deadLetters), 'Arn'] } },
        },
      });
      expect(resources[logicalIdOf(worker().deadLetters)]?.Properties).toMatchObject({
        SqsManagedSseEnabled: true,
      });
    }
  );
});

describe('outbox', () => {
  it('lets the outbox change login emails and passwords and end sessions, and the logins function manage logins, nothing more', () => {
    // Act
    const policies = Object.entries(template.findResources('AWS::IAM::Policy'));
    const cognitoActionsOf = (fragment: string) =>
      policies
        .filter(([id]) => id.includes(fragment))
        .flatMap(([, policy]) => JSON.stringify(policy).match(/cognito-idp:[A-Za-z]+/g) ?? []);

    // Assess
    expect(new Set(cognitoActionsOf('Outbox'))).toEqual(
      new Set([
        'cognito-idp:AdminUpdateUserAttributes',
        'cognito-idp:AdminSetUserPassword',
        'cognito-idp:AdminUserGlobalSignOut',
      ])
    );
    // GET /staff/me calls GetUser, which the caller's own access token authorises.
    expect(cognitoActionsOf('MeFunction')).toEqual([]);
    expect(new Set(cognitoActionsOf('Logins'))).toEqual(
      new Set([
        'cognito-idp:AdminCreateUser',
        'cognito-idp:AdminGetUser',
        'cognito-idp:AdminDeleteUser',
        'cognito-idp:AdminUserGlobalSignOut',
      ])
    );
  });
});

describe('mailer', () => {
  it('runs at most `senders` instances, each told the stage send rate, the From address and the configuration set', () => {
    // Act
    const props = resources[logicalIdOf(api.mailer.function)]?.Properties;

    // Assess
    expect(props.ReservedConcurrentExecutions).toBe(config.mail.senders);
    expect(props.Timeout).toBe(120);
    expect(props.Environment.Variables).toMatchObject({
      [ENV.mailMaxSendRate]: String(config.mail.maxSendRate),
      [ENV.mailSenders]: String(config.mail.senders),
      [ENV.mailFrom]: config.mail.fromAddress,
      [ENV.mailConfigurationSet]: configurationSetName,
    });
  });

  it('may send only through the stage identity and configuration set, and only update table items', () => {
    // Act
    const statements = statementsOf(api.mailer);
    const json = JSON.stringify(statements);

    // Assess
    const actions = actionsOf(statements).filter((a) => !/^(logs|xray):/.test(a));
    expect(new Set(actions)).toEqual(
      new Set([
        'ses:SendEmail',
        'dynamodb:UpdateItem',
        'dynamodb:DescribeStream',
        'dynamodb:GetRecords',
        'dynamodb:GetShardIterator',
        'dynamodb:ListStreams',
        'sqs:SendMessage',
        'sqs:GetQueueAttributes',
        'sqs:GetQueueUrl',
      ])
    );
    expect(json).toContain(`:identity/${config.mail.identity}`);
    expect(json).toContain(`:configuration-set/${configurationSetName}`);
    expect(json).not.toContain('/index/');
  });
});

describe('mail configuration set', () => {
  it('is one per stage, named in the mail of both workers', () => {
    // Act
    const sets = template.findResources('AWS::SES::ConfigurationSet');
    const outboxEnv = resources[logicalIdOf(api.outbox.function)]?.Properties.Environment.Variables;

    // Assess
    expect(Object.values(sets)).toHaveLength(1);
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      Name: configurationSetName,
    });
    expect(outboxEnv[ENV.mailConfigurationSet]).toBe(configurationSetName);
    expect(JSON.stringify(statementsOf(api.outbox))).toContain(
      `:configuration-set/${configurationSetName}`
    );
    expect(actionsOf(statementsOf(api.outbox))).not.toContain('ses:SendRawEmail');
  });
});
