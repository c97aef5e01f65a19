/** The mailer worker: its event source, pace, grants, and the stage's SES configuration set. */
import { describe, expect, it } from 'vitest';
import { DELIVERY_STREAM_FILTER } from '#core/entities/delivery';
import { ENV } from '#core/platform/config';
import { maxBackoffMs, THROTTLE_BACKOFF } from '../../functions/mailer/backoff.ts';
import {
  CLAIM_LEASE_MS,
  RECORD_ALLOWANCE_MS,
  SEND_ATTEMPT_TIMEOUT_MS,
} from '../../functions/mailer/claim.ts';
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

describe('mailer', () => {
  it('receives only new queued deliveries, failures bisected, retried and parked in its own queue', () => {
    // Act
    const mapping = mappingOf(api.mailer);

    // Assess
    expect(mapping).toMatchObject({
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 10,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify(DELIVERY_STREAM_FILTER) }] },
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [logicalIdOf(api.mailer.deadLetters), 'Arn'] } },
      },
    });
  });

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

  it('lives long enough for a whole batch: the slowest pace, a stopped sender’s lease waited out, every attempt and the record', () => {
    // Prepare
    const batchSize = mappingOf(api.mailer).BatchSize as number;
    const pauseMs = (1000 * config.mail.senders) / config.mail.maxSendRate;

    // Act
    const timeoutMs = (resources[logicalIdOf(api.mailer.function)]?.Properties.Timeout ?? 0) * 1000;

    // Assess: the last of a batch starts its claim after batchSize - 1 pauses.
    const slowest =
      (batchSize - 1) * pauseMs +
      CLAIM_LEASE_MS +
      THROTTLE_BACKOFF.attempts * SEND_ATTEMPT_TIMEOUT_MS +
      maxBackoffMs(THROTTLE_BACKOFF) +
      RECORD_ALLOWANCE_MS;
    expect(timeoutMs).toBeGreaterThan(slowest);
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

describe('parallel batches per shard', () => {
  it('runs notify four batches per shard, the mailer no more than its senders, the outbox one at a time in order', () => {
    // Act
    const factors = [api.notify, api.mailer, api.outbox].map(
      (worker) => mappingOf(worker).ParallelizationFactor
    );

    // Assess
    expect(factors).toEqual([4, Math.min(4, config.mail.senders), 1]);
  });
});
