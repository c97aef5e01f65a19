/**
 * The stage's monitoring: an encrypted SNS alert topic mailed to the stage's
 * `monitoring.alertEmails`, the alarms of docs/runbook.md ("Alarms") and one
 * dashboard. The API and SES alarms are made here; the per-function, stream
 * and dead-letter alarms are made at synthesis from whatever the stack then
 * holds (monitored-resources.ts), so nothing added later goes unwatched.
 */
import { Aspects, Duration, Stack, Validations } from 'aws-cdk-lib';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import type { StageConfig } from '../config.ts';
import type { PorticoHttpApi } from './http-api.ts';
import { findMonitoredResources } from './monitored-resources.ts';

export interface MonitoringProps {
  stage: StageConfig;
  httpApi: PorticoHttpApi;
  table: ITable;
  /** The stage's topic key (lib/api-stack.ts), shared with the SES feedback topic. */
  topicKey: Key;
  /**
   * Stacks whose functions and queues are watched from here too (the
   * stateful stack's Cognito trigger): one topic, one dashboard per stage.
   */
  alsoWatch?: Stack[];
}

const FIVE_MINUTES = Duration.minutes(5);

interface AlarmSpec {
  metric: IMetric;
  threshold: number;
  comparison?: ComparisonOperator;
  evaluationPeriods?: number;
  datapointsToAlarm?: number;
  treatMissingData: TreatMissingData;
  /** What it means, with the runbook section to read. */
  description: string;
}

const lambdaMetric = (metricName: string, functionName: string, statistic: string) =>
  new Metric({
    namespace: 'AWS/Lambda',
    metricName,
    dimensionsMap: { FunctionName: functionName },
    statistic,
    period: FIVE_MINUTES,
  });

const sesMetric = (metricName: string, statistic = 'Sum', period = FIVE_MINUTES) =>
  new Metric({ namespace: 'AWS/SES', metricName, statistic, period });

export class Monitoring extends Construct {
  readonly topic: Topic;
  readonly dashboard: Dashboard;
  readonly #alarms: Alarm[] = [];
  readonly #action: SnsAction;

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const { stage, httpApi, table } = props;
    const limits = stage.monitoring;

    // CloudWatch cannot publish to a topic under the AWS-managed SNS key: a key of ours.
    const key = props.topicKey;
    key.grant(
      new ServicePrincipal('cloudwatch.amazonaws.com'),
      'kms:Decrypt',
      'kms:GenerateDataKey*'
    );
    this.topic = new Topic(this, 'Alerts', {
      displayName: `Portico ${stage.name} alerts`,
      masterKey: key,
      enforceSSL: true,
    });
    for (const email of limits.alertEmails) {
      const subscription = this.topic.addSubscription(new EmailSubscription(email));
      Validations.of(subscription).acknowledge({
        id: 'Serverless-SNSRedrivePolicy',
        reason:
          'An alert mail SNS could not deliver would be parked in a queue whose own alarm mails the same addresses; the alarm state stays on the dashboard and in CloudWatch either way.',
      });
    }
    this.#action = new SnsAction(this.topic);

    const apiStage = httpApi.stage;
    const requests = apiStage.metricCount({ statistic: 'Sum', period: FIVE_MINUTES });
    const serverErrors = apiStage.metricServerError({ period: FIVE_MINUTES });
    const clientErrors = apiStage.metricClientError({ period: FIVE_MINUTES });
    const p99 = apiStage.metricLatency({ statistic: 'p99', period: FIVE_MINUTES });
    this.#alarm('Api5xxRate', {
      // A share, not a count: five 5xx among a million requests is no incident, five of ten is.
      metric: new MathExpression({
        expression: 'IF(requests > 0, errors / requests, 0)',
        usingMetrics: { errors: serverErrors, requests },
        period: FIVE_MINUTES,
        label: 'share of requests answered 5xx',
      }),
      threshold: limits.api5xxRate,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      // No requests means no failed requests.
      treatMissingData: TreatMissingData.NOT_BREACHING,
      description: `More than ${limits.api5xxRate * 100} % of API requests answered 5xx in 2 of 3 five-minute periods. Runbook: "API 5xx rate".`,
    });
    this.#alarm('ApiLatencyP99', {
      metric: p99,
      threshold: limits.apiP99LatencyMs,
      evaluationPeriods: 3,
      datapointsToAlarm: 3,
      // No requests, no latency to judge; a quiet night is not slow.
      treatMissingData: TreatMissingData.NOT_BREACHING,
      description: `The API's p99 latency stayed at or above ${limits.apiP99LatencyMs} ms for 15 minutes. Runbook: "API p99 latency".`,
    });

    // Account-wide reputation (SES's own review uses these): values 0..1.
    const bounceRate = sesMetric('Reputation.BounceRate', 'Maximum', Duration.minutes(15));
    const complaintRate = sesMetric('Reputation.ComplaintRate', 'Maximum', Duration.minutes(15));
    this.#alarm('SesBounceRate', {
      metric: bounceRate,
      threshold: limits.sesBounceRate,
      // SES publishes these only while mail flows: a missing point keeps the last state, so
      // a high rate stays in alarm until SES reports it lower.
      treatMissingData: TreatMissingData.IGNORE,
      description: `The SES account's bounce rate reached ${limits.sesBounceRate * 100} % (SES reviews accounts at 5 %). Runbook: "SES bounce rate".`,
    });
    this.#alarm('SesComplaintRate', {
      metric: complaintRate,
      threshold: limits.sesComplaintRate,
      treatMissingData: TreatMissingData.IGNORE,
      description: `The SES account's complaint rate reached ${limits.sesComplaintRate * 100} % (SES reviews accounts at 0.1 %). Runbook: "SES complaint rate".`,
    });

    this.dashboard = new Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.hours(6),
    });
    const graph = (title: string, left: IMetric[], right: IMetric[] = []) =>
      new GraphWidget({ title, left, right, width: 8, height: 6 });
    const tableMetric = (metricName: string, statistic: string) =>
      table.metric(metricName, { statistic, period: FIVE_MINUTES });
    this.dashboard.addWidgets(
      graph('API requests', [requests]),
      graph('API errors', [serverErrors, clientErrors]),
      graph('API latency (ms)', [
        apiStage.metricLatency({ statistic: 'p50', period: FIVE_MINUTES }),
        p99,
        apiStage.metricIntegrationLatency({ statistic: 'p99', period: FIVE_MINUTES }),
      ])
    );
    this.dashboard.addWidgets(
      graph('DynamoDB consumed capacity', [
        tableMetric('ConsumedReadCapacityUnits', 'Sum'),
        tableMetric('ConsumedWriteCapacityUnits', 'Sum'),
      ]),
      graph('DynamoDB throttles and errors', [
        tableMetric('ReadThrottleEvents', 'Sum'),
        tableMetric('WriteThrottleEvents', 'Sum'),
        tableMetric('SystemErrors', 'Sum'),
      ]),
      graph(
        'Mail sent, delivered, bounced, complained',
        ['Send', 'Delivery', 'Bounce', 'Complaint'].map((name) => sesMetric(name)),
        [bounceRate, complaintRate]
      )
    );

    // Runs once, at synthesis, when every construct of the stack exists.
    let watched = false;
    Aspects.of(this).add({
      visit: (node) => {
        if (node !== this || watched) return;
        watched = true;
        this.#watchStack(stage, props.alsoWatch ?? []);
      },
    });
  }

  #alarm(id: string, spec: AlarmSpec): Alarm {
    const alarm = new Alarm(this, id, {
      metric: spec.metric,
      threshold: spec.threshold,
      comparisonOperator: spec.comparison ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: spec.evaluationPeriods ?? 1,
      datapointsToAlarm: spec.datapointsToAlarm,
      treatMissingData: spec.treatMissingData,
      alarmDescription: spec.description,
    });
    // Both edges: the alert says when it started and when it is over.
    alarm.addAlarmAction(this.#action);
    alarm.addOkAction(this.#action);
    this.#alarms.push(alarm);
    return alarm;
  }

  #watchStack(stage: StageConfig, alsoWatch: Stack[]) {
    const limits = stage.monitoring;
    const all = [Stack.of(this), ...alsoWatch].map(findMonitoredResources);
    const found = {
      functions: all.flatMap((stack) => stack.functions),
      streamConsumers: all.flatMap((stack) => stack.streamConsumers),
      deadLetterQueues: all.flatMap((stack) => stack.deadLetterQueues),
    };
    const errors = new GraphWidget({ title: 'Function errors', width: 8, height: 6 });
    const throttles = new GraphWidget({ title: 'Function throttles', width: 8, height: 6 });
    const lag = new GraphWidget({
      title: 'Stream consumer iterator age (ms)',
      width: 8,
      height: 6,
    });
    const dlqs = new GraphWidget({ title: 'Dead-letter queues (messages)', width: 8, height: 6 });

    for (const { id, functionName } of found.functions) {
      const errorCount = lambdaMetric('Errors', functionName, 'Sum');
      const throttleCount = lambdaMetric('Throttles', functionName, 'Sum');
      // Labels on the graphs only: a labelled metric makes an alarm a metric-math one.
      errors.addLeftMetric(errorCount.with({ label: id }));
      throttles.addLeftMetric(throttleCount.with({ label: id }));
      // No invocations, no errors: missing data is healthy.
      this.#alarm(`${id}Errors`, {
        metric: errorCount,
        threshold: limits.functionErrors,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        description: `${id} failed (uncaught error, timeout or crash) ${limits.functionErrors} time(s) or more in 5 minutes. Runbook: "Function errors".`,
      });
      this.#alarm(`${id}Throttles`, {
        metric: throttleCount,
        threshold: limits.functionThrottles,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        description: `${id} was throttled ${limits.functionThrottles} time(s) or more in 5 minutes. Runbook: "Function throttles".`,
      });
    }
    for (const { id, functionName } of found.streamConsumers) {
      const age = lambdaMetric('IteratorAge', functionName, 'Maximum');
      lag.addLeftMetric(age.with({ label: id }));
      this.#alarm(`${id}IteratorAge`, {
        metric: age,
        threshold: limits.iteratorAgeSeconds * 1000,
        // Published only while records flow; an idle stream has nothing waiting.
        treatMissingData: TreatMissingData.NOT_BREACHING,
        description: `${id} is ${limits.iteratorAgeSeconds} s or more behind its stream (records expire after 24 h). Runbook: "Stream consumer iterator age".`,
      });
    }
    for (const { id, queueName } of found.deadLetterQueues) {
      const depth = new Metric({
        namespace: 'AWS/SQS',
        metricName: 'ApproximateNumberOfMessagesVisible',
        dimensionsMap: { QueueName: queueName },
        statistic: 'Maximum',
        period: FIVE_MINUTES,
      });
      dlqs.addLeftMetric(depth.with({ label: id }));
      this.#alarm(`${id}Depth`, {
        metric: depth,
        threshold: 0,
        comparison: ComparisonOperator.GREATER_THAN_THRESHOLD,
        // SQS stops publishing for an empty idle queue; a queue holding messages keeps publishing.
        treatMissingData: TreatMissingData.NOT_BREACHING,
        description: `${id} holds parked messages: work that failed all its retries. Runbook: "Dead-letter queue depth".`,
      });
    }
    this.dashboard.addWidgets(errors, throttles, lag);
    this.dashboard.addWidgets(
      dlqs,
      new AlarmStatusWidget({ title: 'Alarms', alarms: this.#alarms, width: 16, height: 6 })
    );
  }
}
