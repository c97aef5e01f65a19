/**
 * A Lambda function with the project's defaults: Node.js 24 on arm64, ESM
 * bundle with source maps, X-Ray active tracing when the stage turns it on
 * (`tracing.enabled`), explicit timeout and memory, and
 * its own log group with retention. Access to other resources is added only
 * through the bind* methods, which grant and set the env var together.
 */

import { Duration, RemovalPolicy, type SecretValue, Stack, Validations } from 'aws-cdk-lib';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { type ITable, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Grant, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { IEmailIdentity } from 'aws-cdk-lib/aws-ses';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { ENV } from '#core/platform/config';
import { TABLE } from '#core/table/table';
import type { StageConfig } from '../config.ts';
import { FUNCTION_MEMORY_MB } from '../function-memory.ts';
import { handlerEntry, LOCK_FILE_PATH, PROJECT_ROOT, toNodejsBundling } from './bundling.ts';
import {
  grantInvoicePdfs,
  type ImportedInvoiceBucket,
  type InvoiceBucketAccess,
} from './invoice-bucket.ts';
import { grantInboundMail, grantTicketFiles } from './mail-bucket.ts';
import type { ImportedBucket } from './private-bucket.ts';

/**
 * `append`: reads, and writes that create items (PutItem, in transactions too); no update or delete.
 * `update`: UpdateItem on the table only (also what a transaction of updates needs); no read, no index.
 * `get`: GetItem on the table only (one item by its key); no query, no index.
 * `append-update`: `append` plus UpdateItem (counters and statuses of what it created); no delete.
 */
export type TableAccess = 'RO' | 'RW' | 'append' | 'update' | 'append-update' | 'get';

/** Reads by key or key range; never Scan (docs/deploy.md, "IAM"). CDK's grantReadData includes Scan. */
const READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
];
const WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

export interface PorticoFunctionProps {
  /** Folder under functions/ whose handler.ts exports `handler`. */
  name: string;
  stage: StageConfig;
  /** Extra variables; merged over the defaults, never replacing them wholesale. */
  environment?: Record<string, string>;
  /** Defaults to the function's entry in FUNCTION_MEMORY_MB, then the stage's lambda settings. */
  memoryMb?: number;
  timeoutSeconds?: number;
  reservedConcurrency?: number;
  /** Asynchronously invoked functions: where failed events go, after `retryAttempts` retries. */
  deadLetterQueue?: IQueue;
  retryAttempts?: number;
}

export class PorticoFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: PorticoFunctionProps) {
    const { name, stage } = props;
    // Created beside the function because super() needs them; ids derive from the function's.
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: stage.logRetentionDays,
      removalPolicy:
        stage.logRemovalPolicy === 'retain' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    // Own role instead of AWSLambdaBasicExecutionRole: logs may only go to this function's group.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Portico ${name} function (${stage.name})`,
    });
    logGroup.grantWrite(role);

    super(scope, id, {
      description: `Portico ${name} (${stage.name})`,
      entry: handlerEntry(name),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: LOCK_FILE_PATH,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memoryMb ?? FUNCTION_MEMORY_MB[name] ?? stage.lambda.memoryMb,
      timeout: Duration.seconds(props.timeoutSeconds ?? stage.lambda.timeoutSeconds),
      reservedConcurrentExecutions: props.reservedConcurrency,
      deadLetterQueue: props.deadLetterQueue,
      retryAttempts: props.retryAttempts,
      tracing: stage.tracing.enabled ? Tracing.ACTIVE : Tracing.DISABLED,
      role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      bundling: toNodejsBundling(),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        [ENV.logLevel]: stage.logLevel,
        ...props.environment,
      },
    });

    if (stage.tracing.enabled) {
      Validations.of(role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'Active tracing adds xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions; this role is otherwise scoped to named resources.',
      });
    } else {
      Validations.of(this).acknowledge({
        id: 'Serverless-LambdaTracing',
        reason: `X-Ray is off in the ${stage.name} stage settings (tracing.enabled): it is billed per trace, and the request and login ids in every log line, the access logs and the alarms cover day-to-day diagnosis; an operator turns it on per stage (docs/deploy.md).`,
      });
    }
    const runtimeReason =
      'Node.js 24 is pinned on purpose (the newest Lambda runtime aws-cdk-lib 2.276 knows): bundles target node24, so a runtime change is a deliberate change to runtime and esbuild target together.';
    Validations.of(this).acknowledge(
      { id: 'AwsSolutions-L1', reason: runtimeReason },
      { id: 'Serverless-LambdaLatestVersion', reason: runtimeReason }
    );
  }

  /**
   * Grants read-only ('RO', the default), read-write, read and PutItem
   * ('append'), UpdateItem only ('update') or GetItem only ('get') access and sets
   * TABLE_NAME. Indexes are granted by name and read-only (they cannot be
   * written), so the policy holds no `index/*` wildcard.
   */
  bindTable(table: ITable, access: TableAccess = 'RO'): this {
    // Imported by ARN so each grant covers exactly that ARN, not the table's `index/*`.
    // The table is encrypted with the AWS-owned key, so no key grant is lost this way.
    const tableOnly = Table.fromTableArn(this, 'TableGrant', table.tableArn);
    this.addEnvironment(ENV.tableName, table.tableName);
    if (access === 'update' || access === 'get') {
      tableOnly.grant(this, access === 'get' ? 'dynamodb:GetItem' : 'dynamodb:UpdateItem');
      return this;
    }
    const writes = {
      RO: [],
      RW: WRITE_ACTIONS,
      append: ['dynamodb:PutItem'],
      'append-update': ['dynamodb:PutItem', 'dynamodb:UpdateItem'],
    }[access];
    tableOnly.grant(this, ...READ_ACTIONS, ...writes);
    for (const index of Object.values(TABLE.indexes)) {
      const indexArn = `${table.tableArn}/index/${index.name}`;
      Table.fromTableArn(this, `IndexGrant-${index.name}`, indexArn).grant(this, 'dynamodb:Query');
    }
    return this;
  }

  /**
   * Sets USER_POOL_ID and USER_POOL_CLIENT_ID and grants exactly the Cognito
   * actions listed; none are needed to tell a portal which pool to log in to.
   */
  bindUserPool(pool: IUserPool, client: IUserPoolClient, ...actions: string[]): this {
    if (actions.length > 0) pool.grant(this, ...actions);
    this.addEnvironment(ENV.userPoolId, pool.userPoolId);
    this.addEnvironment(ENV.userPoolClientId, client.userPoolClientId);
    return this;
  }

  /** Sets STAFF_USER_POOL_ID and STAFF_USER_POOL_CLIENT_ID (what staff routes check tokens against). */
  bindStaffPool(pool: IUserPool, client: IUserPoolClient): this {
    this.addEnvironment(ENV.staffUserPoolId, pool.userPoolId);
    this.addEnvironment(ENV.staffUserPoolClientId, client.userPoolClientId);
    return this;
  }

  /** Sets MESSAGE_ID_DOMAIN, the right-hand side of the Message-IDs the function mints. */
  bindMessageIdDomain(domain: string): this {
    this.addEnvironment(ENV.messageIdDomain, domain);
    return this;
  }

  /** Sets SUPPORT_ADDRESS, the helpdesk address ticket mail answers to (no SES access). */
  bindSupportAddress(address: string): this {
    this.addEnvironment(ENV.supportAddress, address);
    return this;
  }

  /**
   * Sets CURSOR_SECRET to the secret's value as a CloudFormation dynamic
   * reference: resolved at deploy, never written in the template, and read
   * with the rest of the environment at cold start, so no SDK client, call or
   * grant is needed at run time (docs/adr/0001-cursor-secret.md).
   */
  bindCursorSecret(secret: SecretValue): this {
    this.addEnvironment(ENV.cursorSecret, secret.unsafeUnwrap());
    return this;
  }

  /**
   * Sets UNSUBSCRIBE_SECRET the same way (a dynamic reference resolved at
   * deploy): the key unsubscribe links are signed and checked with
   * (docs/adr/0006-unsubscribe-links.md).
   */
  bindUnsubscribeSecret(secret: SecretValue): this {
    this.addEnvironment(ENV.unsubscribeSecret, secret.unsafeUnwrap());
    return this;
  }

  /** Sets PUBLIC_API_URL, where links in mail point (no grant: only a URL). */
  bindPublicApiUrl(url: string): this {
    this.addEnvironment(ENV.publicApiUrl, url);
    return this;
  }

  /**
   * Sets INVOICE_BUCKET and grants the one action on invoice PDFs the
   * function signs: GET (download links) or PUT (uploads).
   */
  bindInvoiceBucket(invoices: ImportedInvoiceBucket, access: InvoiceBucketAccess): this {
    grantInvoicePdfs(invoices, this, access);
    this.addEnvironment(ENV.invoiceBucket, invoices.bucket.bucketName);
    return this;
  }

  /**
   * Sets MAIL_BUCKET and grants what the function does on it: the inbound
   * function reads raw mail and writes attachments; the tickets function
   * handles ticket files (lib/constructs/mail-bucket.ts says which actions).
   */
  bindMailBucket(mail: ImportedBucket, use: 'inbound mail' | 'ticket files'): this {
    if (use === 'inbound mail') grantInboundMail(mail, this);
    else grantTicketFiles(mail, this);
    this.addEnvironment(ENV.mailBucket, mail.bucket.bucketName);
    return this;
  }

  /**
   * Grants ses:SendEmail through the stage's identity and configuration set
   * (SES checks both: the From identity and the set the mail names), and
   * sets MAIL_FROM and MAIL_CONFIGURATION_SET.
   */
  bindMail(identity: IEmailIdentity, configurationSetName: string, fromAddress: string): this {
    const configurationSetArn = Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: configurationSetName,
    });
    Grant.addToPrincipal({
      grantee: this,
      actions: ['ses:SendEmail'],
      resourceArns: [identity.emailIdentityArn, configurationSetArn],
    });
    this.addEnvironment(ENV.mailFrom, fromAddress);
    this.addEnvironment(ENV.mailConfigurationSet, configurationSetName);
    return this;
  }

  /** Sets the mailer's pace: the stage's send rate and how many instances share it. */
  bindSendRate(maxSendRate: number, senders: number): this {
    this.addEnvironment(ENV.mailMaxSendRate, String(maxSendRate));
    this.addEnvironment(ENV.mailSenders, String(senders));
    return this;
  }
}
