/**
 * Everything that holds data: the single table, the client user pool, the
 * staff user pool (with the trigger that words their mail) and the bucket
 * of invoice PDFs.
 * Deployed rarely, retained on delete, termination protected. Construct ids
 * here are part of the data's identity: renaming one replaces the resource.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { StageConfig } from './config.ts';
import { ClientAuth } from './constructs/auth.ts';
import { CognitoMail } from './constructs/cognito-mail.ts';
import { InvoiceBucket, invoiceBucketExportName } from './constructs/invoice-bucket.ts';
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

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, {
      description: `Portico ${props.stage.name}: table, client and staff user pools, invoice PDFs (stateful)`,
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
  }
}
