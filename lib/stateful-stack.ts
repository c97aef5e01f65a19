/**
 * Everything that holds data: the single table and the client user pool.
 * Deployed rarely, retained on delete, termination protected. Construct ids
 * here are part of the data's identity: renaming one replaces the resource.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { StageConfig } from './config.ts';
import { ClientAuth } from './constructs/auth.ts';
import { PorticoTable } from './constructs/portico-table.ts';

export interface StatefulStackProps extends StackProps {
  stage: StageConfig;
}

export class StatefulStack extends Stack {
  readonly table: PorticoTable;
  readonly auth: ClientAuth;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, {
      description: `Portico ${props.stage.name}: table and client user pool (stateful)`,
      ...props,
      terminationProtection: true,
    });
    // Never rename these ids: test/infra pins the logical ids they produce.
    this.table = new PorticoTable(this, 'Table');
    this.auth = new ClientAuth(this, 'ClientAuth', {
      featurePlan: props.stage.userPool.featurePlan,
    });

    new CfnOutput(this, 'TableName', { value: this.table.tableName });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
  }
}
