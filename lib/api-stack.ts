/**
 * The stateless side: one function per area, the HTTP API in front of
 * them, the stream workers (outbox, notify, mailer) behind them, the SES
 * feedback function, mail to support (the inbound function and its SES
 * receipt rule), and the monitoring of it all. Safe to destroy and
 * redeploy; it only references the stateful stack.
 */
import {
  CfnOutput,
  RemovalPolicy,
  SecretValue,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { ConfigurationSet, EmailIdentity } from 'aws-cdk-lib/aws-ses';
import type { Construct } from 'constructs';
import { DELIVERY_STREAM_FILTER } from '#core/entities/delivery';
import { OUTBOX_STREAM_FILTER } from '#core/entities/outbox';
import { NOTIFY_STREAM_FILTER } from '../functions/notify/stream-filter.ts';
import { FUNCTION_NAMES, type FunctionName } from '../functions/routes.ts';
import {
  mailConfigurationSetOf,
  mailDomainOf,
  type StageConfig,
  supportAddressOf,
} from './config.ts';
import { PorticoHttpApi } from './constructs/http-api.ts';
import { InboundMail } from './constructs/inbound-mail.ts';
import { type InvoiceBucketAccess, importInvoiceBucket } from './constructs/invoice-bucket.ts';
import { importMailBucket } from './constructs/mail-bucket.ts';
import { MailFeedback } from './constructs/mail-feedback.ts';
import { Monitoring } from './constructs/monitoring.ts';
import { PorticoFunction, type TableAccess } from './constructs/portico-function.ts';
import { StreamWorker } from './constructs/stream-worker.ts';
import { addTracingSampling } from './constructs/tracing.ts';

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
  /** Serves paged lists: sets CURSOR_SECRET, which their cursors are sealed with. */
  cursors?: true;
  /** Answers unsubscribe links: sets UNSUBSCRIBE_SECRET, which they are signed with. */
  unsubscribeLinks?: true;
  /** Signs GETs of invoice PDFs (download links) or PUTs them (uploads); sets INVOICE_BUCKET. */
  invoicePdfs?: InvoiceBucketAccess;
  /** Ticket files in the mail bucket: upload links, their checks and copies, download links; sets MAIL_BUCKET. */
  ticketFiles?: true;
  /** Instances the function may run at most: its share of the account's concurrency. */
  reservedConcurrency?: number;
}

/**
 * What each function may touch. Adding a name to FUNCTION_NAMES without an
 * entry here is a type error, so no function is deployed with guessed access.
 */
export const FUNCTION_BINDINGS = {
  // Serves only public routes: capped so a flood cannot take the rest of the API's instances.
  public: { userPool: [], staffPool: true, reservedConcurrency: 5 },
  // Accepting or declining an invitation writes the membership, the contact and the audit entry.
  me: { table: 'RW', staffPool: true },
  account: { table: 'RW', cursors: true },
  // Also answers the unsubscribe links of mail (GET/POST /unsubscribe).
  contacts: { table: 'RW', cursors: true, unsubscribeLinks: true },
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
  services: { table: 'RW', cursors: true },
  tickets: { table: 'RW', staffPool: true, messageIds: true, cursors: true, ticketFiles: true },
  billing: { table: 'RO', cursors: true, invoicePdfs: 'read' },
  // Operators' loading (accounts, services, invoices and their PDFs, usage) and the helpdesk's account lookups; no Cognito.
  staff: { table: 'RW', staffPool: true, cursors: true, invoicePdfs: 'write' },
} as const satisfies Record<FunctionName, FunctionBinding>;

export interface ApiStackProps extends StackProps {
  stage: StageConfig;
  table: ITable;
  userPool: IUserPool;
  client: IUserPoolClient;
  staffPool: IUserPool;
  staffClient: IUserPoolClient;
  /** Other stacks of the stage whose functions the monitoring watches too. */
  alsoMonitor?: Stack[];
}

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

export class ApiStack extends Stack {
  readonly functions: Readonly<Record<FunctionName, PorticoFunction>>;
  readonly httpApi: PorticoHttpApi;
  readonly outbox: StreamWorker;
  readonly notify: StreamWorker;
  readonly mailer: StreamWorker;
  readonly feedback: MailFeedback;
  readonly inbound: InboundMail;
  readonly mailConfigurationSet: ConfigurationSet;
  readonly monitoring: Monitoring;

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
    // Every mail names it: SES's sending events (bounces, complaints) are configured on it.
    // Named, so the grants and the functions' environment read as the operator knows it.
    const configurationSetName = mailConfigurationSetOf(props.stage);
    this.mailConfigurationSet = new ConfigurationSet(this, 'MailConfigurationSet', {
      configurationSetName,
      reputationMetrics: true,
    });
    // Seals the lists' cursors (docs/adr/0001-cursor-secret.md): generated by
    // Secrets Manager, never in git or the template; a redeploy after a stack
    // replacement only makes outstanding cursors a 400 (the client starts over).
    const cursorSecret = this.deployTimeSecret(
      'CursorSecret',
      `Portico ${props.stage.name}: seals the API's list cursors`,
      'only makes outstanding list cursors a 400 (clients start the list again). It guards no credential.'
    );
    // Signs unsubscribe links (docs/adr/0006-unsubscribe-links.md): its own secret, so
    // rotating the cursors' does not void the links of mail already sent.
    const unsubscribeSecret = this.deployTimeSecret(
      'UnsubscribeSecret',
      `Portico ${props.stage.name}: signs the unsubscribe links of mail`,
      'only makes the unsubscribe links of mail already sent answer 400 (the client area and newer mail still unsubscribe). It guards no login.'
    );
    const { secretVersions } = props.stage;
    const cursorValue = secretValueOf(cursorSecret, secretVersions.cursor);
    const unsubscribeValue = secretValueOf(unsubscribeSecret, secretVersions.unsubscribe);
    const invoiceBucket = importInvoiceBucket(this, props.stage.name);
    const mailBucket = importMailBucket(this, props.stage.name);
    const functions = {} as Record<FunctionName, PorticoFunction>;
    for (const name of FUNCTION_NAMES) {
      const binding: FunctionBinding = FUNCTION_BINDINGS[name];
      const fn = new PorticoFunction(this, `${pascal(name)}Function`, {
        name,
        stage: props.stage,
        reservedConcurrency: binding.reservedConcurrency,
      });
      if (binding.table) fn.bindTable(props.table, binding.table);
      if (binding.userPool) fn.bindUserPool(props.userPool, props.client, ...binding.userPool);
      if (binding.staffPool) fn.bindStaffPool(props.staffPool, props.staffClient);
      if (binding.mail)
        fn.bindMail(mailIdentity, configurationSetName, props.stage.mail.fromAddress);
      if (binding.messageIds) fn.bindMessageIdDomain(mailDomainOf(props.stage));
      if (binding.cursors) fn.bindCursorSecret(cursorValue);
      if (binding.unsubscribeLinks) fn.bindUnsubscribeSecret(unsubscribeValue);
      if (binding.invoicePdfs) fn.bindInvoiceBucket(invoiceBucket, binding.invoicePdfs);
      if (binding.ticketFiles) fn.bindMailBucket(mailBucket, 'ticket files');
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
    this.outbox = new StreamWorker(this, 'Outbox', {
      name: 'outbox',
      stage: props.stage,
      table: props.table,
      // An invitation reads the login and, when its owner takes it over, marks it proven
      // and ends older sessions on its memberships.
      tableAccess: 'RW',
      filter: OUTBOX_STREAM_FILTER,
    });
    this.outbox.function
      .bindUserPool(
        props.userPool,
        props.client,
        'cognito-idp:AdminUpdateUserAttributes',
        'cognito-idp:AdminSetUserPassword',
        'cognito-idp:AdminUserGlobalSignOut',
        // An account request's invitation (docs/adr/0009-account-requests-off-the-request-path.md).
        'cognito-idp:AdminCreateUser',
        'cognito-idp:AdminGetUser',
        'cognito-idp:AdminDeleteUser'
      )
      .bindMail(mailIdentity, configurationSetName, props.stage.mail.fromAddress);

    // Ticket events, notices and invoices become deliveries (created, never changed here;
    // a notice's status and its accounts' counts are updated); the sender mails them.
    this.notify = new StreamWorker(this, 'Notify', {
      name: 'notify',
      stage: props.stage,
      table: props.table,
      tableAccess: 'append-update',
      // A notice to everyone writes one work item per account in one invocation.
      timeoutSeconds: 300,
      filter: NOTIFY_STREAM_FILTER,
    });
    // Ticket mail to contacts carries unsubscribe links to this API (docs/notifications.md).
    this.notify.function
      .bindSupportAddress(supportAddressOf(props.stage))
      .bindUnsubscribeSecret(unsubscribeValue)
      .bindPublicApiUrl(props.stage.api.publicUrl ?? this.httpApi.url);

    // Queued deliveries → SES, at the stage's send rate: `senders` instances at most, each
    // pausing senders / maxSendRate seconds between sends (docs/notifications.md).
    const { maxSendRate, senders } = props.stage.mail;
    this.mailer = new StreamWorker(this, 'Mailer', {
      name: 'mailer',
      stage: props.stage,
      table: props.table,
      // Moves deliveries and their log entries (conditional updates); reads nothing but the stream.
      tableAccess: 'update',
      filter: DELIVERY_STREAM_FILTER,
      batchSize: 10,
      // A batch at the slowest pace, each mail after its longest backoff, fits, even after
      // waiting out a stopped sender's lease (functions/mailer/claim.ts, 43.1 s).
      timeoutSeconds: 120,
      reservedConcurrency: senders,
    });
    this.mailer.function
      .bindMail(mailIdentity, configurationSetName, props.stage.mail.fromAddress)
      .bindSendRate(maxSendRate, senders);

    // One key for both topics, the SES feedback and the alerts: each KMS key costs $1 a
    // month whatever it encrypts (docs/cost.md). Each construct grants its publisher.
    const topicKey = new Key(this, 'TopicKey', {
      description: `Portico ${props.stage.name}: encrypts the SES feedback and alert topics`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // SES bounces and complaints → suppressions, statuses (docs/notifications.md, "Feedback").
    this.feedback = new MailFeedback(this, 'MailFeedback', {
      stage: props.stage,
      table: props.table,
      configurationSet: this.mailConfigurationSet,
      topicKey,
    });

    // Mail to support → tickets, replies or refusals (docs/inbound-mail.md).
    this.inbound = new InboundMail(this, 'InboundMail', { stage: props.stage, table: props.table });

    // Watches every function and dead-letter queue of this stack, whoever adds them.
    this.monitoring = new Monitoring(this, 'Monitoring', {
      stage: props.stage,
      httpApi: this.httpApi,
      table: props.table,
      topicKey,
      alsoWatch: props.alsoMonitor ?? [],
    });

    addTracingSampling(this, props.stage);

    new CfnOutput(this, 'ApiUrl', { value: this.httpApi.url });
    new CfnOutput(this, 'AlertTopicArn', { value: this.monitoring.topic.topicArn });
    // What the runbook's and deploy.md's commands name (replays, rotations).
    new CfnOutput(this, 'CursorSecretArn', { value: cursorSecret.secretArn });
    new CfnOutput(this, 'UnsubscribeSecretArn', { value: unsubscribeSecret.secretArn });
    new CfnOutput(this, 'NotifyFunctionName', { value: this.notify.function.functionName });
    new CfnOutput(this, 'FeedbackFunctionName', { value: this.feedback.function.functionName });
    new CfnOutput(this, 'InboundFunctionName', { value: this.inbound.function.functionName });
    const queueHolders = {
      Outbox: this.outbox,
      Notify: this.notify,
      Mailer: this.mailer,
      Feedback: this.feedback,
      Inbound: this.inbound,
    };
    for (const [name, holder] of Object.entries(queueHolders)) {
      new CfnOutput(this, `${name}DeadLettersUrl`, { value: holder.deadLetters.queueUrl });
    }
  }

  /**
   * A generated secret the functions get at deploy time (a dynamic
   * reference, docs/adr/0001-cursor-secret.md): never in git or the template.
   */
  private deployTimeSecret(id: string, description: string, rotationEffect: string): Secret {
    const secret = new Secret(this, id, {
      description,
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: `The secret reaches the functions at deploy time (a dynamic reference), so an automatic rotation would not reach them; it is rotated by putting a new value and deploying, which ${rotationEffect}`,
    });
    return secret;
  }
}

/**
 * A secret as a dynamic reference: to the version the stage names, else to
 * the current one (resolved when the function's template last changed).
 */
const secretValueOf = (secret: Secret, versionId: string | undefined): SecretValue =>
  versionId ? SecretValue.secretsManager(secret.secretArn, { versionId }) : secret.secretValue;

/** API functions are only invoked synchronously; a failure is the caller's 5xx, not a lost event. */
const acknowledgeSynchronousOnly = (fn: PorticoFunction) => {
  const reason =
    'Invoked only synchronously by API Gateway: a failed request returns a problem response to the caller, there is no asynchronous event to park in a DLQ or failure destination.';
  Validations.of(fn).acknowledge(
    { id: 'Serverless-LambdaDLQ', reason },
    { id: 'Serverless-LambdaAsyncFailureDestination', reason }
  );
};
