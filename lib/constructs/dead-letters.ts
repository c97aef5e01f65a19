/**
 * The dead-letter queue every event-driven function parks failed work in:
 * encrypted, TLS only, kept `DEAD_LETTER_DAYS` days. The monitoring finds it
 * by what names it as a target and alarms on its depth.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { DEAD_LETTER_DAYS } from '../config.ts';

/** `DeadLetters` under `scope`; `of` names whose dead-letter destination it is. */
export const deadLetterQueue = (scope: Construct, of: string): Queue => {
  const queue = new Queue(scope, 'DeadLetters', {
    enforceSSL: true,
    encryption: QueueEncryption.SQS_MANAGED,
    retentionPeriod: Duration.days(DEAD_LETTER_DAYS),
  });
  const reason = `This queue is itself the dead-letter destination of ${of}; a queue behind it would never be read.`;
  Validations.of(queue).acknowledge(
    { id: 'AwsSolutions-SQS3', reason },
    { id: 'Serverless-SQSRedrivePolicy', reason }
  );
  return queue;
};
