/**
 * The stateful half of mail to support: the mail bucket and the stage's SES
 * receipt rule set. SES's rule (API stack, lib/constructs/inbound-mail.ts)
 * stores each raw message under `inbound/`, kept `inbound.rawMailDays` days;
 * the inbound function stores attachments under `attachments/`, kept with
 * their tickets. The rule set lives here, under a fixed name, because the
 * operator activates it by that name (one active set per account and
 * region, docs/deploy.md): redeploying or replacing the API stack leaves it
 * active.
 */
import { ArnFormat, Duration, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Bucket, HttpMethods } from 'aws-cdk-lib/aws-s3';
import { ReceiptRuleSet } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { ATTACHMENT_PREFIX } from '#core/entities/ticket-message';
import { UPLOAD_PREFIX, UPLOAD_TTL_SECONDS } from '#core/entities/ticket-upload';
import { RAW_MAIL_PREFIX } from '../../functions/inbound/event.ts';
import type { StageConfig } from '../config.ts';
import {
  grantObjectAction,
  type ImportedBucket,
  importBucketByExport,
  PRIVATE_BUCKET_PROPS,
} from './private-bucket.ts';

/** The one rule of the set: mail to the support address (and its `+` tags). */
export const SUPPORT_RULE_NAME = 'support';

export const receiptRuleSetNameOf = (stageName: string) => `portico-${stageName}-inbound`;

export const mailBucketExportName = (stageName: string) => `Portico-${stageName}-MailBucketName`;

/**
 * The ARN SES presents as the source of the support rule's actions: the
 * bucket policy and the function's permission accept that rule only. Built
 * from names, so neither stack needs a reference to the other's resources.
 */
export const supportRuleArnOf = (scope: Construct, stageName: string): string =>
  Stack.of(scope).formatArn({
    service: 'ses',
    resource: 'receipt-rule-set',
    resourceName: `${receiptRuleSetNameOf(stageName)}:receipt-rule/${SUPPORT_RULE_NAME}`,
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });

export class MailBucket extends Construct {
  readonly bucket: Bucket;
  readonly ruleSet: ReceiptRuleSet;

  constructor(scope: Construct, id: string, props: { stage: StageConfig }) {
    super(scope, id);
    const { stage } = props;
    // Not versioned: SES writes each raw message once under its own id, and the
    // function writes each attachment once under its message's id; nobody may delete.
    this.bucket = new Bucket(this, 'Bucket', {
      ...PRIVATE_BUCKET_PROPS,
      lifecycleRules: [
        {
          id: 'raw-mail',
          prefix: RAW_MAIL_PREFIX,
          expiration: Duration.days(stage.inbound.rawMailDays),
        },
        // An upload not attached to a message within its day is never used.
        {
          id: 'ticket-uploads',
          prefix: UPLOAD_PREFIX,
          expiration: Duration.days(Math.ceil(UPLOAD_TTL_SECONDS / 86_400)),
        },
        { id: 'incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      // The portal's browser PUTs an upload link and follows download links itself.
      cors: [
        {
          allowedOrigins: stage.api.corsAllowOrigins,
          allowedMethods: [HttpMethods.PUT, HttpMethods.GET],
          allowedHeaders: ['content-type'],
          exposedHeaders: ['ETag'],
          maxAge: 3600,
        },
      ],
    });
    const stack = Stack.of(this);
    // CDK's S3 action would add this statement conditioned on the account only; this one
    // also names the rule, so another rule set of the account cannot write here.
    this.bucket.addToResourcePolicy(
      new PolicyStatement({
        sid: 'SesStoresSupportMail',
        principals: [new ServicePrincipal('ses.amazonaws.com')],
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects(`${RAW_MAIL_PREFIX}*`)],
        conditions: {
          StringEquals: {
            'aws:SourceAccount': stack.account,
            'aws:SourceArn': supportRuleArnOf(this, stage.name),
          },
        },
      })
    );
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Only SES (for the support rule, by the bucket policy) writes raw mail, and only the inbound function reads it and writes attachments, through presigned requests; each mail leaves its record (INBOUND#<SES message id>, with the raw key) and the function logs every mail it handles, so server access logs would add a second bucket recording the same requests.',
    });

    this.ruleSet = new ReceiptRuleSet(this, 'RuleSet', {
      receiptRuleSetName: receiptRuleSetNameOf(stage.name),
    });
  }
}

export const importMailBucket = (scope: Construct, stageName: string): ImportedBucket =>
  importBucketByExport(scope, 'MailBucket', mailBucketExportName(stageName));

/**
 * What the inbound function signs: GETs of raw mail (read once, by the SES
 * message id of its receipt) and PUTs of attachments. Nothing else of the
 * bucket, and no delete.
 */
export const grantInboundMail = (mail: ImportedBucket, fn: IFunction) => {
  grantObjectAction(
    mail,
    fn,
    's3:GetObject',
    RAW_MAIL_PREFIX,
    'SES names each raw message by its message id (inbound/<SES message id>), known only when the mail arrives, so the read covers the inbound/ prefix of the one bucket.'
  );
  grantObjectAction(
    mail,
    fn,
    's3:PutObject',
    ATTACHMENT_PREFIX,
    'Attachments are named per account, ticket and message when stored (attachments/<account>/<ticket>/<message>/<n>-<name>), so the write covers the attachments/ prefix of the one bucket.'
  );
};

/**
 * What the tickets function signs and does on the bucket: upload PUTs under
 * `uploads/`, the ranged GET that checks an upload, the copy of an upload
 * under its message (GET of the source, PUT of the copy), and GET links of
 * attachments. No delete: the lifecycle rule expires unused uploads.
 */
export const grantTicketFiles = (mail: ImportedBucket, fn: IFunction) => {
  grantObjectAction(
    mail,
    fn,
    's3:GetObject',
    ATTACHMENT_PREFIX,
    'Download links of ticket files: attachments are named per account, ticket and message (attachments/<account>/<ticket>/<message>/<n>-<name>), and the link is signed only after the ticket visibility check.'
  );
  grantObjectAction(
    mail,
    fn,
    's3:PutObject',
    ATTACHMENT_PREFIX,
    'An upload is copied under the message it belongs to (attachments/<account>/<ticket>/<message>/…), a key known only when the message is saved.'
  );
  grantObjectAction(
    mail,
    fn,
    's3:GetObject',
    UPLOAD_PREFIX,
    'Before a message is saved, each upload it names (uploads/<account>/<upload id>) is read (its size and first bytes) and copied; upload ids are random per upload.'
  );
  grantObjectAction(
    mail,
    fn,
    's3:PutObject',
    UPLOAD_PREFIX,
    'The upload links the function signs write uploads/<account>/<upload id>, one random id per upload.'
  );
};
