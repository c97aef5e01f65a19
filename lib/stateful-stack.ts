/**
 * Everything that holds data: the single table, the client user pool, the
 * staff user pool (with the trigger that words their mail), the bucket
 * of invoice PDFs, and the mail bucket with the SES receipt rule set of mail
 * to support.
 * Deployed rarely, retained on delete, termination protected. Construct ids
 * here are part of the data's identity: renaming one replaces the resource.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { StageConfig } from './config.ts';
import { ClientAuth } from './constructs/auth.ts';
import { CognitoMail } from './constructs/cognito-mail.ts';
import { InvoiceBucket, invoiceBucketExportName } from './constructs/invoice-bucket.ts';
import { MailBucket, mailBucketExportName } from './constructs/mail-bucket.ts';
import { PorticoTable } from './constructs/portico-table.ts';
import { StaffAuth } from './constructs/staff-auth.ts';

export interface StatefulStackProps extends StackProps {
  stage: StageConfig;
}

export class StatefulStack extends Stack {
  readonly table: PorticoTable;
  readonly auth: ClientAuth;
  readonly staffAuth: StaffAuth;
  readonly invoices: InvoiceBucket;
  readonly cognitoMail: CognitoMail;
  readonly mail: MailBucket;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, {
      description: `Portico ${props.stage.name}: table, client and staff user pools, invoice PDFs, mail to support (stateful)`,
      ...props,
      terminationProtection: true,
    });
    // Never rename these ids: test/infra pins the logical ids they produce.
    this.table = new PorticoTable(this, 'Table');
    this.cognitoMail = new CognitoMail(this, 'CognitoMail', {
      stage: props.stage,
      table: this.table,
    });
    const pools = { ...props.stage.userPool, mail: this.cognitoMail };
    this.auth = new ClientAuth(this, 'ClientAuth', pools);
    this.staffAuth = new StaffAuth(this, 'StaffAuth', pools);

    this.invoices = new InvoiceBucket(this, 'InvoiceBucket');
    this.mail = new MailBucket(this, 'MailBucket', { stage: props.stage });

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
    new CfnOutput(this, 'StaffUserPoolId', { value: this.staffAuth.userPool.userPoolId });
    new CfnOutput(this, 'StaffUserPoolClientId', {
      value: this.staffAuth.client.userPoolClientId,
    });
    new CfnOutput(this, 'InvoiceBucketName', {
      value: this.invoices.bucket.bucketName,
      exportName: invoiceBucketExportName(props.stage.name),
    });
    new CfnOutput(this, 'MailBucketName', {
      value: this.mail.bucket.bucketName,
      exportName: mailBucketExportName(props.stage.name),
    });
    // The operator activates it by this name (docs/deploy.md, "Tickets by email").
    new CfnOutput(this, 'ReceiptRuleSetName', { value: this.mail.ruleSet.receiptRuleSetName });
  }
}
