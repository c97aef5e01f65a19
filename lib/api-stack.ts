/**
 * The stateless side: one function per area, the HTTP API in front of
 * them and the outbox worker behind them. Safe to destroy and redeploy; it only references the stateful stack.
 */
import { CfnOutput, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { EmailIdentity } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { FUNCTION_NAMES, type FunctionName } from '../functions/routes.ts';
import { mailDomainOf, type StageConfig } from './config.ts';
import { PorticoHttpApi } from './constructs/http-api.ts';
import { OutboxWorker } from './constructs/outbox-worker.ts';
import { PorticoFunction, type TableAccess } from './constructs/portico-function.ts';

export interface FunctionBinding {
  /** Table access; omitted means the function gets no table and no TABLE_NAME. */
  table?: TableAccess;
  /** Cognito actions to grant on the client pool; `[]` sets only the pool and client ids. */
  userPool?: readonly `cognito-idp:${string}`[];
  /**
   * Sets STAFF_USER_POOL_ID and STAFF_USER_POOL_CLIENT_ID: every function
   * serving a `/staff/*` route needs them (the authorization middleware
   * checks the token's app client). Grants no Cognito action.
   */
  staffPool?: true;
  /** Sends transactional mail through the stage's SES identity. */
  mail?: true;
  /** Gives messages RFC 5322 Message-IDs at the stage's mail domain (no SES access). */
  messageIds?: true;
}

/**
 * What each function may touch. Adding a name to FUNCTION_NAMES without an
 * entry here is a type error, so no function is deployed with guessed access.
 */
export const FUNCTION_BINDINGS = {
  public: { userPool: [], staffPool: true },
  // Accepting or declining an invitation writes the membership, the contact and the audit entry.
  me: { table: 'RW', staffPool: true },
  account: { table: 'RW' },
  contacts: { table: 'RW' },
  logins: {
    table: 'RW',
    userPool: [
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminGetUser',
      'cognito-idp:AdminDeleteUser',
      'cognito-idp:AdminUserGlobalSignOut',
    ],
  },
  // Writes support assignments (service, contact, membership, audit in one transaction).
  services: { table: 'RW' },
  tickets: { table: 'RW', staffPool: true, messageIds: true },
  billing: { table: 'RO' },
  // Operators' loading: writes accounts, services, invoices and usage; no Cognito (primaries load without a login).
  staff: { table: 'RW', staffPool: true },
} as const satisfies Record<FunctionName, FunctionBinding>;

export interface ApiStackProps extends StackProps {
  stage: StageConfig;
  table: ITable;
  userPool: IUserPool;
  client: IUserPoolClient;
  staffPool: IUserPool;
  staffClient: IUserPoolClient;
}

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

export class ApiStack extends Stack {
  readonly functions: Readonly<Record<FunctionName, PorticoFunction>>;
  readonly httpApi: PorticoHttpApi;
  readonly outbox: OutboxWorker;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, {
      description: `Portico ${props.stage.name}: functions and HTTP API (stateless)`,
      ...props,
    });

    // Verified by the operator outside CloudFormation (see docs/deploy.md), so only referenced here.
    const mailIdentity = EmailIdentity.fromEmailIdentityName(
      this,
      'MailIdentity',
      props.stage.mail.identity
    );
    const functions = {} as Record<FunctionName, PorticoFunction>;
    for (const name of FUNCTION_NAMES) {
      const fn = new PorticoFunction(this, `${pascal(name)}Function`, { name, stage: props.stage });
      const binding: FunctionBinding = FUNCTION_BINDINGS[name];
      if (binding.table) fn.bindTable(props.table, binding.table);
      if (binding.userPool) fn.bindUserPool(props.userPool, props.client, ...binding.userPool);
      if (binding.staffPool) fn.bindStaffPool(props.staffPool, props.staffClient);
      if (binding.mail) fn.bindMail(mailIdentity, props.stage.mail.fromAddress);
      if (binding.messageIds) fn.bindMessageIdDomain(mailDomainOf(props.stage));
      acknowledgeSynchronousOnly(fn);
      functions[name] = fn;
    }
    this.functions = functions;

    this.httpApi = new PorticoHttpApi(this, 'HttpApi', {
      stage: props.stage,
      functions,
      userPool: props.userPool,
      client: props.client,
      staffPool: props.staffPool,
      staffClient: props.staffClient,
    });

    // Side effects of API writes (mail, Cognito changes) run here, off the request path.
    this.outbox = new OutboxWorker(this, 'Outbox', {
      stage: props.stage,
      table: props.table,
      userPool: props.userPool,
      client: props.client,
      mailIdentity,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.url });
  }
}

/** API functions are only invoked synchronously; a failure is the caller's 5xx, not a lost event. */
const acknowledgeSynchronousOnly = (fn: PorticoFunction) => {
  const reason =
    'Invoked only synchronously by API Gateway: a failed request returns a problem response to the caller, there is no asynchronous event to park in a DLQ or failure destination.';
  Validations.of(fn).acknowledge(
    { id: 'Serverless-LambdaDLQ', reason },
    { id: 'Serverless-LambdaAsyncFailureDestination', reason }
  );
};
