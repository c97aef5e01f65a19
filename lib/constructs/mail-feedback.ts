/**
 * SES sending feedback: the stage's configuration set publishes BOUNCE and
 * COMPLAINT events to an SNS topic (KMS-encrypted, TLS only) that invokes
 * the feedback function (functions/feedback). SNS invokes it
 * asynchronously: Lambda retries a failed event twice, then parks it in the
 * dead-letter queue, which also takes what SNS could not deliver to the
 * function at all (docs/runbook.md). Delivery events are not published:
 * the function has nothing to do with them.
 */
import { Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { Key } from 'aws-cdk-lib/aws-kms';
import { SnsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import {
  ConfigurationSetEventDestination,
  EmailSendingEvent,
  EventDestination,
  type IConfigurationSet,
} from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StageConfig } from '../config.ts';
import { deadLetterQueue } from './dead-letters.ts';
import { PorticoFunction } from './portico-function.ts';

export interface MailFeedbackProps {
  stage: StageConfig;
  table: ITable;
  configurationSet: IConfigurationSet;
  /** The stage's topic key (lib/api-stack.ts), shared with the alert topic. */
  topicKey: Key;
}

export class MailFeedback extends Construct {
  readonly topic: Topic;
  readonly function: PorticoFunction;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: MailFeedbackProps) {
    super(scope, id);
    const key = props.topicKey;
    // SES encrypts what it publishes with this key; SNS decrypts it to invoke the function.
    key.grant(new ServicePrincipal('ses.amazonaws.com'), 'kms:GenerateDataKey*', 'kms:Decrypt');
    this.topic = new Topic(this, 'Topic', {
      displayName: `Portico ${props.stage.name} SES feedback`,
      masterKey: key,
      enforceSSL: true,
    });
    new ConfigurationSetEventDestination(this, 'EventDestination', {
      configurationSet: props.configurationSet,
      destination: EventDestination.snsTopic(this.topic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });

    this.deadLetters = deadLetterQueue(this, 'the feedback function and of its SNS subscription');
    this.function = new PorticoFunction(this, 'Function', {
      name: 'feedback',
      stage: props.stage,
      deadLetterQueue: this.deadLetters,
      retryAttempts: 2,
    });
    // Reads the SES message marker and the contacts by address; writes suppressions,
    // delivery and log statuses and contacts' emailStatus.
    this.function.bindTable(props.table, 'RW');
    this.function.addEventSource(
      new SnsEventSource(this.topic, { deadLetterQueue: this.deadLetters })
    );

    Validations.of(this.function).acknowledge({
      id: 'Serverless-LambdaAsyncFailureDestination',
      reason:
        'Failed asynchronous invocations go to the function’s dead-letter queue (DeadLetterConfig, this construct’s DeadLetters), which keeps the SNS event itself for a replay; an on-failure destination would hold the same event a second time.',
    });
  }
}
