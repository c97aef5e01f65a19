/**
 * The outbox function and its event source: new outbox items on the table's
 * stream (the same filter the local stream poller applies), failed batches
 * retried then parked in an SQS dead-letter queue.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IEmailIdentity } from 'aws-cdk-lib/aws-ses';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { OUTBOX_STREAM_FILTER } from '#core/entities/outbox';
import type { StageConfig } from '../config.ts';
import { PorticoFunction } from './portico-function.ts';

export interface OutboxWorkerProps {
  stage: StageConfig;
  table: ITable;
  userPool: IUserPool;
  client: IUserPoolClient;
  mailIdentity: IEmailIdentity;
}

export class OutboxWorker extends Construct {
  readonly function: PorticoFunction;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: OutboxWorkerProps) {
    super(scope, id);
    const { stage, table } = props;
    this.function = new PorticoFunction(this, 'Function', { name: 'outbox', stage });
    // An invitation reads the login and, when its owner takes it over, marks it proven
    // and ends older sessions on its memberships.
    this.function.bindTable(table, 'RW');
    this.function.bindUserPool(
      props.userPool,
      props.client,
      'cognito-idp:AdminUpdateUserAttributes',
      'cognito-idp:AdminSetUserPassword',
      'cognito-idp:AdminUserGlobalSignOut'
    );
    this.function.bindMail(props.mailIdentity, stage.mail.fromAddress);

    this.deadLetters = new Queue(this, 'DeadLetters', {
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
      retentionPeriod: Duration.days(14),
    });
    if (!table.tableStreamArn) throw new Error('The outbox needs the table stream');
    this.function.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 25,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(24),
        onFailure: new SqsDlq(this.deadLetters),
        filters: [FilterCriteria.filter(OUTBOX_STREAM_FILTER)],
      })
    );

    const streamReason =
      'Invoked by a DynamoDB stream event source mapping, not asynchronously: failed batches are retried and then sent to the mapping’s on-failure SQS queue (DeadLetters), which the function-level DLQ and async destinations do not apply to.';
    Validations.of(this.function).acknowledge(
      { id: 'Serverless-LambdaDLQ', reason: streamReason },
      { id: 'Serverless-LambdaAsyncFailureDestination', reason: streamReason }
    );
    const dlqReason =
      'This queue is itself the dead-letter destination of the outbox stream; a queue behind it would never be read.';
    Validations.of(this.deadLetters).acknowledge(
      { id: 'AwsSolutions-SQS3', reason: dlqReason },
      { id: 'Serverless-SQSRedrivePolicy', reason: dlqReason }
    );
  }
}
