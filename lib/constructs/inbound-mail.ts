/**
 * Mail to support, the stateless half: the `inbound` function
 * (functions/inbound) and the SES receipt rule that feeds it. The rule, in
 * the stage's rule set (lib/constructs/mail-bucket.ts), takes mail to the
 * support address and its `+` tags over TLS only, has SES scan it for spam
 * and viruses (the function reads the verdicts), stores the raw MIME under
 * `inbound/` in the mail bucket, then invokes the function asynchronously.
 * Lambda retries a failed receipt twice, then parks it in the dead-letter
 * queue (docs/runbook.md); a redelivered mail writes nothing twice.
 */
import { Annotations, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { ReceiptRule, ReceiptRuleSet, TlsPolicy } from 'aws-cdk-lib/aws-ses';
import { Lambda, LambdaInvocationType, S3 } from 'aws-cdk-lib/aws-ses-actions';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { RAW_MAIL_PREFIX } from '../../functions/inbound/event.ts';
import { mailDomainOf, type StageConfig } from '../config.ts';
import { deadLetterQueue } from './dead-letters.ts';
import {
  importMailBucket,
  receiptRuleSetNameOf,
  SUPPORT_RULE_NAME,
  supportRuleArnOf,
} from './mail-bucket.ts';
import { PorticoFunction } from './portico-function.ts';

/**
 * A 10 MiB mail with attachments is read, parsed and stored in a few
 * seconds (docs/inbound-mail.md, "Measured"); SES does not wait for it.
 */
export const INBOUND_TIMEOUT_SECONDS = 60;

export interface InboundMailProps {
  stage: StageConfig;
  table: ITable;
}

export class InboundMail extends Construct {
  readonly function: PorticoFunction;
  readonly deadLetters: Queue;
  readonly rule: ReceiptRule;

  constructor(scope: Construct, id: string, props: InboundMailProps) {
    super(scope, id);
    const { stage } = props;
    const account = Stack.of(this).account;
    const mailBucket = importMailBucket(this, stage.name);

    this.deadLetters = deadLetterQueue(this, 'the inbound function');
    // Anyone can mail support: capped like the public API function, so a flood holds at
    // most this many instances; SES's asynchronous invocation retries what is throttled.
    this.function = new PorticoFunction(this, 'Function', {
      name: 'inbound',
      stage,
      timeoutSeconds: INBOUND_TIMEOUT_SECONDS,
      reservedConcurrency: stage.inbound.reservedConcurrency,
      deadLetterQueue: this.deadLetters,
      retryAttempts: 2,
    });
    // Reads contacts, threads and tickets; writes tickets, messages, records, refusal
    // counters and outbox answers (puts and updates, in transactions); never deletes.
    // Refusal answers go out through the outbox worker, so this function holds no SES grant.
    this.function
      .bindTable(props.table, 'append-update')
      .bindMailBucket(mailBucket, 'inbound mail')
      .bindSupportAddress(stage.inbound.supportAddress)
      .bindMessageIdDomain(mailDomainOf(stage));

    // Added before the rule's Lambda action, which then keeps it (its id, AllowSes) instead
    // of adding its own that names the account only: SES may invoke for this rule alone.
    this.function.addPermission('AllowSes', {
      action: 'lambda:InvokeFunction',
      principal: new ServicePrincipal('ses.amazonaws.com'),
      sourceAccount: account,
      sourceArn: supportRuleArnOf(this, stage.name),
    });

    this.rule = new ReceiptRule(this, 'SupportRule', {
      ruleSet: ReceiptRuleSet.fromReceiptRuleSetName(
        this,
        'RuleSet',
        receiptRuleSetNameOf(stage.name)
      ),
      receiptRuleName: SUPPORT_RULE_NAME,
      // An address matches its `+label` forms too (support+<account or ticket>@…).
      recipients: [stage.inbound.supportAddress],
      enabled: true,
      scanEnabled: true,
      tlsPolicy: TlsPolicy.REQUIRE,
      actions: [
        new S3({ bucket: mailBucket.bucket, objectKeyPrefix: RAW_MAIL_PREFIX }),
        new Lambda({ function: this.function, invocationType: LambdaInvocationType.EVENT }),
      ],
    });
    Annotations.of(this.rule).acknowledgeWarning(
      '@aws-cdk/s3:AddBucketPermissions',
      'The mail bucket is the stateful stack’s; its policy lets SES put under inbound/ for this account and this rule only (lib/constructs/mail-bucket.ts).'
    );

    Validations.of(this.function).acknowledge({
      id: 'Serverless-LambdaAsyncFailureDestination',
      reason:
        'Failed receipts go to the function’s dead-letter queue (DeadLetterConfig, this construct’s DeadLetters), which keeps the SES event itself for a replay (the raw mail stays in the bucket at least as long); an on-failure destination would hold the same event a second time.',
    });
  }
}
