/**
 * A stream consumer: a function fed by the table's stream through an event
 * source with the consumer's filter (the same one the local stream poller
 * applies), batches bisected on failure and checkpointed at the first
 * reported failure, retried, then parked in an SQS dead-letter queue
 * (`npm run replay`, docs/runbook.md). The outbox and the mailer are two.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { WorkerName } from '../../functions/workers.ts';
import type { StageConfig } from '../config.ts';
import { PorticoFunction } from './portico-function.ts';

export interface StreamWorkerProps {
  name: WorkerName;
  stage: StageConfig;
  table: ITable;
  /** A Lambda event filter pattern (the entity module's `*_STREAM_FILTER`). */
  filter: Record<string, unknown>;
  batchSize: number;
  timeoutSeconds?: number;
  /** Caps how many instances run at once (the mailer's share of the send rate). */
  reservedConcurrency?: number;
}

export class StreamWorker extends Construct {
  readonly function: PorticoFunction;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: StreamWorkerProps) {
    super(scope, id);
    const { stage, table } = props;
    this.function = new PorticoFunction(this, 'Function', {
      name: props.name,
      stage,
      timeoutSeconds: props.timeoutSeconds,
      reservedConcurrency: props.reservedConcurrency,
    });
    this.deadLetters = new Queue(this, 'DeadLetters', {
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
      retentionPeriod: Duration.days(14),
    });
    if (!table.tableStreamArn) throw new Error(`The ${props.name} worker needs the table stream`);
    this.function.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: props.batchSize,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(24),
        onFailure: new SqsDlq(this.deadLetters),
        filters: [FilterCriteria.filter(props.filter)],
      })
    );

    const streamReason =
      'Invoked by a DynamoDB stream event source mapping, not asynchronously: failed batches are retried and then sent to the mapping’s on-failure SQS queue (DeadLetters), which the function-level DLQ and async destinations do not apply to.';
    Validations.of(this.function).acknowledge(
      { id: 'Serverless-LambdaDLQ', reason: streamReason },
      { id: 'Serverless-LambdaAsyncFailureDestination', reason: streamReason }
    );
    const dlqReason = `This queue is itself the dead-letter destination of the ${props.name} stream; a queue behind it would never be read.`;
    Validations.of(this.deadLetters).acknowledge(
      { id: 'AwsSolutions-SQS3', reason: dlqReason },
      { id: 'Serverless-SQSRedrivePolicy', reason: dlqReason }
    );
  }
}
