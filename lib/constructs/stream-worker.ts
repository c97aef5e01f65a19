/**
 * A stream consumer and its event source: the items of the table's stream
 * that match `filter` (the same filter the local stream poller applies),
 * failed batches bisected, checkpointed at the first reported failure and
 * retried, then parked in an SQS dead-letter queue (`npm run replay`,
 * docs/runbook.md). The outbox, the ticket-mail fan-out (notify) and the
 * mailer are each one; the caller binds what else the function may touch.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { STREAM_PARALLELIZATION, type WorkerName } from '../../functions/workers.ts';
import type { StageConfig } from '../config.ts';
import { deadLetterQueue } from './dead-letters.ts';
import { PorticoFunction, type TableAccess } from './portico-function.ts';

export interface StreamWorkerProps {
  name: WorkerName;
  stage: StageConfig;
  table: ITable;
  tableAccess: TableAccess;
  /** A Lambda event filter pattern over the stream record (an entity's `*_STREAM_FILTER`). */
  filter: Record<string, unknown>;
  /** Records per invocation; 25 unless given. */
  batchSize?: number;
  timeoutSeconds?: number;
  /** Caps how many instances run at once (the mailer's share of the send rate). */
  reservedConcurrency?: number;
}

export class StreamWorker extends Construct {
  readonly function: PorticoFunction;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: StreamWorkerProps) {
    super(scope, id);
    const { name, stage, table } = props;
    this.function = new PorticoFunction(this, 'Function', {
      name,
      stage,
      timeoutSeconds: props.timeoutSeconds,
      reservedConcurrency: props.reservedConcurrency,
    });
    this.function.bindTable(table, props.tableAccess);

    this.deadLetters = deadLetterQueue(this, `the ${name} stream consumer`);
    if (!table.tableStreamArn) throw new Error(`The ${name} worker needs the table stream`);
    this.function.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: props.batchSize ?? 25,
        // More batches at once than the function may run would only be throttled.
        parallelizationFactor: Math.min(
          STREAM_PARALLELIZATION[name],
          props.reservedConcurrency ?? STREAM_PARALLELIZATION[name]
        ),
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
    if (this.function.role) {
      Validations.of(this.function.role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'The stream event source grants dynamodb:ListStreams, which supports no resource-level permission; the stream reads (DescribeStream, GetRecords, GetShardIterator) name the table stream.',
      });
    }
  }
}
