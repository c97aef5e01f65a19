/** The stage's alert topic, its alarms (each with metric, threshold and actions) and the dashboard. */
import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Code, Function as LambdaFunction, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { addPorticoStacks } from '../../lib/portico-app.ts';
import { FIXED } from '../../scripts/cost.ts';
import { logicalIdOf, newApp, stageConfig, synthPortico } from './app.ts';

const {
  api,
  config,
  apiTemplate: template,
  statefulTemplate,
  portalTemplate,
} = synthPortico('prod');
const limits = config.monitoring;

type Resource = { Type: string; Properties: Record<string, unknown> };
type Alarm = { id: string; props: Record<string, unknown> };
type MathEntry = { Id: string; Expression?: string; MetricStat?: { Metric: object } };

const alarmsOf = (t: Template): Alarm[] =>
  Object.entries(t.findResources('AWS::CloudWatch::Alarm')).map(([id, resource]) => ({
    id,
    props: resource.Properties,
  }));

const dimension = (alarm: Alarm, name: string) =>
  (alarm.props.Dimensions as { Name: string; Value: unknown }[] | undefined)?.find(
    (d) => d.Name === name
  )?.Value;

/** The alarms on one metric of one function (by logical id). */
const functionAlarms = (t: Template, functionId: string, metricName: string) =>
  alarmsOf(t).filter(
    (alarm) =>
      alarm.props.MetricName === metricName &&
      JSON.stringify(dimension(alarm, 'FunctionName')) === JSON.stringify({ Ref: functionId })
  );

const queueAlarms = (t: Template, queueId: string) =>
  alarmsOf(t).filter(
    (alarm) =>
      alarm.props.MetricName === 'ApproximateNumberOfMessagesVisible' &&
      JSON.stringify(dimension(alarm, 'QueueName')) ===
        JSON.stringify({ 'Fn::GetAtt': [queueId, 'QueueName'] })
  );

/**
 * Queues the template names as a dead-letter or on-failure target, read
 * from the template alone (independent of how the construct finds them).
 */
const deadLetterQueueIds = (t: Template): string[] => {
  const resources = t.toJSON().Resources as Record<string, Resource>;
  const ids = new Set<string>();
  const visit = (value: unknown, underTarget: boolean) => {
    if (Array.isArray(value)) for (const item of value) visit(item, underTarget);
    if (typeof value !== 'object' || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      const isTarget = /^(DeadLetterConfig|OnFailure|RedrivePolicy)$/.test(key) || underTarget;
      if (key === 'Fn::GetAtt' && underTarget && Array.isArray(inner)) {
        const [id, attribute] = inner as [string, string];
        if (resources[id]?.Type === 'AWS::SQS::Queue' && attribute === 'Arn') ids.add(id);
      }
      visit(inner, isTarget);
    }
  };
  for (const resource of Object.values(resources)) visit(resource.Properties, false);
  return [...ids];
};

const topicRef = { Ref: logicalIdOf(api.monitoring.topic) };

describe('alert topic', () => {
  it('is encrypted with a rotated key CloudWatch may use, refuses plain HTTP, and mails the stage subscribers', () => {
    // Act
    const topic = template.findResources('AWS::SNS::Topic')[topicRef.Ref];
    const keyId = topic?.Properties.KmsMasterKeyId?.['Fn::GetAtt']?.[0] as string;
    const key = template.findResources('AWS::KMS::Key')[keyId];
    const policies = JSON.stringify(template.findResources('AWS::SNS::TopicPolicy'));

    // Assess
    expect(key?.Properties.EnableKeyRotation).toBe(true);
    expect(JSON.stringify(key?.Properties.KeyPolicy)).toContain('cloudwatch.amazonaws.com');
    expect(policies).toContain('"aws:SecureTransport":"false"');
    const subscriptions = Object.values(template.findResources('AWS::SNS::Subscription')).filter(
      (subscription) => subscription.Properties.TopicArn?.Ref === topicRef.Ref
    );
    expect(subscriptions.map((s) => [s.Properties.Protocol, s.Properties.Endpoint])).toEqual(
      limits.alertEmails.map((email) => ['email', email])
    );
  });
});

describe('alarms', () => {
  it('every alarm alerts the topic when it fires and when it clears, and says what to do with missing data', () => {
    // Act
    const alarms = alarmsOf(template);

    // Assess
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) {
      expect(alarm.props.AlarmActions, alarm.id).toEqual([topicRef]);
      expect(alarm.props.OKActions, alarm.id).toEqual([topicRef]);
      expect(alarm.props.TreatMissingData, alarm.id).toMatch(/^(notBreaching|ignore)$/);
      expect(alarm.props.AlarmDescription, alarm.id).toMatch(/Runbook: "/);
    }
  });

  it('API 5xx: the share of requests answered 5xx (a math expression), not a raw count', () => {
    // Act
    const [alarm] = alarmsOf(template).filter((a) => a.id.includes('Api5xxRate'));

    // Assess
    const metrics = alarm?.props.Metrics as MathEntry[];
    const expression = metrics.find((m) => m.Expression)?.Expression;
    expect(expression).toBe('IF(requests > 0, errors / requests, 0)');
    const byId = Object.fromEntries(metrics.filter((m) => m.MetricStat).map((m) => [m.Id, m]));
    expect(byId.errors?.MetricStat?.Metric).toMatchObject({
      Namespace: 'AWS/ApiGateway',
      MetricName: '5xx',
    });
    expect(byId.requests?.MetricStat?.Metric).toMatchObject({
      Namespace: 'AWS/ApiGateway',
      MetricName: 'Count',
    });
    expect(JSON.stringify(byId.errors)).toContain(logicalIdOf(api.httpApi.api));
    expect(alarm?.props).toMatchObject({
      Threshold: limits.api5xxRate,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
      TreatMissingData: 'notBreaching',
    });
    expect(byId.errors?.MetricStat).toMatchObject({ Period: 300 });
  });

  it('API latency: p99 of the stage at the configured milliseconds', () => {
    // Act
    const [alarm] = alarmsOf(template).filter((a) => a.props.MetricName === 'Latency');

    // Assess
    expect(alarm?.props).toMatchObject({
      Namespace: 'AWS/ApiGateway',
      ExtendedStatistic: 'p99',
      Period: 300,
      Threshold: limits.apiP99LatencyMs,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      EvaluationPeriods: 3,
      DatapointsToAlarm: 3,
      TreatMissingData: 'notBreaching',
    });
    expect(dimension(alarm as Alarm, 'ApiId')).toEqual({ Ref: logicalIdOf(api.httpApi.api) });
    expect(dimension(alarm as Alarm, 'Stage')).toBe('$default');
  });

  it('SES: the account bounce and complaint rates at the configured shares', () => {
    // Act
    const ses = alarmsOf(template).filter((a) => a.props.Namespace === 'AWS/SES');

    // Assess
    const byMetric = Object.fromEntries(ses.map((a) => [a.props.MetricName, a.props]));
    // The worst value SES reported in each 15 minutes.
    const reputation = {
      Namespace: 'AWS/SES',
      Statistic: 'Maximum',
      Period: 900,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'ignore',
    };
    expect(byMetric['Reputation.BounceRate']).toMatchObject({
      ...reputation,
      Threshold: limits.sesBounceRate,
    });
    expect(byMetric['Reputation.ComplaintRate']).toMatchObject({
      ...reputation,
      Threshold: limits.sesComplaintRate,
    });
    expect(byMetric['Reputation.BounceRate']?.Dimensions).toBeUndefined();
  });

  it('every function in the template has an errors and a throttles alarm', () => {
    // Prepare
    const functionIds = Object.keys(template.findResources('AWS::Lambda::Function'));

    // Act
    const missing = functionIds.flatMap((id) =>
      ['Errors', 'Throttles']
        .filter((metric) => functionAlarms(template, id, metric).length !== 1)
        .map((metric) => `${id} ${metric}`)
    );

    // Assess
    expect(functionIds.length).toBeGreaterThanOrEqual(12);
    expect(missing).toEqual([]);
    expect(limits.functionThrottles).not.toBe(limits.functionErrors);
    for (const id of functionIds) {
      const [errors] = functionAlarms(template, id, 'Errors');
      const [throttles] = functionAlarms(template, id, 'Throttles');
      const common = {
        Namespace: 'AWS/Lambda',
        Statistic: 'Sum',
        Period: 300,
        EvaluationPeriods: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
      };
      expect(errors?.props, id).toMatchObject({ ...common, Threshold: limits.functionErrors });
      expect(throttles?.props, id).toMatchObject({
        ...common,
        Threshold: limits.functionThrottles,
      });
    }
  });

  it('every function of the stateful stack (the Cognito trigger) has errors and throttles alarms on the same topic', () => {
    // Prepare
    const statefulFunctions = Object.keys(statefulTemplate.findResources('AWS::Lambda::Function'));
    const outputs = statefulTemplate.toJSON().Outputs as Record<string, { Value: unknown }>;
    /** The function an alarm's dimension reads through the stateful stack's outputs. */
    const crossStackFunction = (alarm: Alarm): string | undefined => {
      const value = dimension(alarm, 'FunctionName') as
        | { 'Fn::GetStackOutput'?: { OutputName: string } }
        | undefined;
      const output = value?.['Fn::GetStackOutput']?.OutputName;
      return output ? (outputs[output]?.Value as { Ref?: string })?.Ref : undefined;
    };

    // Act
    const watched = alarmsOf(template).flatMap((alarm) => {
      const fn = crossStackFunction(alarm);
      return fn ? [`${fn} ${String(alarm.props.MetricName)}`] : [];
    });

    // Assess
    expect(statefulFunctions).toHaveLength(1);
    expect(watched.sort()).toEqual(
      statefulFunctions.flatMap((id) => [`${id} Errors`, `${id} Throttles`]).sort()
    );
  });

  it('every stream consumer has an iterator age alarm', () => {
    // Prepare
    const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping'));

    // Act
    const consumers = mappings.map((m) => (m.Properties.FunctionName as { Ref: string }).Ref);

    // Assess
    expect(consumers).toHaveLength(3);
    for (const id of consumers) {
      const [alarm] = functionAlarms(template, id, 'IteratorAge');
      expect(alarm?.props, id).toMatchObject({
        Statistic: 'Maximum',
        Threshold: limits.iteratorAgeSeconds * 1000,
      });
    }
  });

  it('every queue the template names as a dead-letter target has a depth alarm at more than 0', () => {
    // Prepare
    const queues = deadLetterQueueIds(template);

    // Act
    const alarms = queues.map((id) => queueAlarms(template, id));

    // Assess
    expect(queues).toContain(logicalIdOf(api.mailer.deadLetters));
    expect(queues).toContain(logicalIdOf(api.feedback.deadLetters));
    expect(queues).toContain(logicalIdOf(api.inbound.deadLetters));
    expect(queues).toHaveLength(5);
    for (const [alarm] of alarms) {
      expect(alarm?.props).toMatchObject({
        Namespace: 'AWS/SQS',
        Statistic: 'Maximum',
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
      });
    }
  });

  it('watches a function and dead-letter queues added to the stack later, but not a work queue', () => {
    // Prepare
    const app = newApp();
    const stacks = addPorticoStacks(app, stageConfig('dev'));
    const parked = new Queue(stacks.api, 'LaterParked');
    const work = new Queue(stacks.api, 'LaterWork', {
      deadLetterQueue: { queue: new Queue(stacks.api, 'LaterWorkParked'), maxReceiveCount: 3 },
      visibilityTimeout: Duration.seconds(30),
    });
    const later = new LambdaFunction(stacks.api, 'LaterFunction', {
      runtime: Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: Code.fromInline('export const handler = async () => {};'),
      deadLetterQueue: parked,
    });

    // Act
    app.synth();
    const t = Template.fromStack(stacks.api);

    // Assess
    expect(functionAlarms(t, logicalIdOf(later), 'Errors')).toHaveLength(1);
    expect(functionAlarms(t, logicalIdOf(later), 'Throttles')).toHaveLength(1);
    expect(queueAlarms(t, logicalIdOf(parked))).toHaveLength(1);
    expect(queueAlarms(t, logicalIdOf(stacks.api.node.findChild('LaterWorkParked')))).toHaveLength(
      1
    );
    expect(queueAlarms(t, logicalIdOf(work))).toHaveLength(0);
  });
});

describe('dashboard', () => {
  it('is one, with requests, errors, latency, DynamoDB capacity and throttles, mail and the dead-letter queues', () => {
    // Act
    const dashboards = Object.values(template.findResources('AWS::CloudWatch::Dashboard'));
    const body = JSON.stringify(dashboards[0]?.Properties.DashboardBody);

    // Assess
    expect(dashboards).toHaveLength(1);
    for (const metric of [
      '\\"Count\\"',
      '\\"5xx\\"',
      '\\"Latency\\"',
      'ConsumedReadCapacityUnits',
      'ConsumedWriteCapacityUnits',
      'ReadThrottleEvents',
      'WriteThrottleEvents',
      '\\"Send\\"',
      '\\"Bounce\\"',
      'ApproximateNumberOfMessagesVisible',
      'IteratorAge',
    ]) {
      expect(body, metric).toContain(metric);
    }
  });
});

describe('the cost model’s fixed items', () => {
  it('are the alarms, keys and secrets of the prod templates, so npm run cost prices what is deployed', () => {
    // Prepare
    const templates = [template, statefulTemplate, portalTemplate];
    const count = (type: string) =>
      templates.reduce((sum, t) => sum + Object.keys(t.findResources(type)).length, 0);
    /** CloudWatch bills an alarm per metric it reads: a math alarm per metric in its expression. */
    const metricsRead = (alarm: Alarm) =>
      (alarm.props.Metrics as MathEntry[] | undefined)?.filter((m) => m.MetricStat).length ?? 1;

    // Act
    const held = {
      alarmMetrics: templates.flatMap(alarmsOf).reduce((sum, alarm) => sum + metricsRead(alarm), 0),
      kmsKeys: count('AWS::KMS::Key'),
      secrets: count('AWS::SecretsManager::Secret'),
    };

    // Assess
    expect(held).toEqual(FIXED);
  });
});
