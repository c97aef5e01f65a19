/** The functions of the api stack: runtime and logging defaults, least-privilege bindings, the stream workers (the mailer's own: stream-workers.test.ts). */
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { OUTBOX_STREAM_FILTER } from '#core/entities/outbox';
import { ENV } from '#core/platform/config';
import { NOTIFY_STREAM_FILTER } from '../../functions/notify/stream-filter.ts';
import {
  FUNCTION_NAMES,
  type FunctionName,
  ROUTES,
  type RouteDefinition,
} from '../../functions/routes.ts';
import { STREAM_WORKER_FUNCTIONS, WORKER_FUNCTIONS } from '../../functions/workers.ts';
import { FUNCTION_BINDINGS, type FunctionBinding } from '../../lib/api-stack.ts';
import { INBOUND_TIMEOUT_SECONDS } from '../../lib/constructs/inbound-mail.ts';
import { PorticoFunction } from '../../lib/constructs/portico-function.ts';
import { FUNCTION_MEMORY_MB } from '../../lib/function-memory.ts';
import {
  actionsOf,
  allowStatementsOf,
  logicalIdOf,
  newApp,
  stageConfig,
  synthPortico,
} from './app.ts';

const { api, config, apiTemplate: template } = synthPortico('dev');
const resources = template.toJSON().Resources;

const functionProps = (name: FunctionName) => {
  const resource = resources[logicalIdOf(api.functions[name])];
  if (!resource) throw new Error(`no function resource for ${name}`);
  return resource.Properties;
};

const roleOf = (name: FunctionName) => {
  const role = api.functions[name].role;
  if (!role) throw new Error(`${name} has no role`);
  return logicalIdOf(role);
};

const dynamoActionsOf = (name: FunctionName) =>
  actionsOf(allowStatementsOf(template, roleOf(name))).filter((action) =>
    action.startsWith('dynamodb:')
  );

const WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
];

describe('PorticoFunction', () => {
  it('gives each function the memory lib/function-memory.ts chose for it, not a flat size', () => {
    // Prepare
    const deployed = {
      ...api.functions,
      outbox: api.outbox.function,
      notify: api.notify.function,
      mailer: api.mailer.function,
      feedback: api.feedback.function,
      inbound: api.inbound.function,
    };

    // Act
    const sizes = Object.fromEntries(
      Object.entries(deployed).map(([name, fn]) => [
        name,
        resources[logicalIdOf(fn)]?.Properties.MemorySize,
      ])
    );

    // Assess
    expect(Object.keys(sizes)).toHaveLength(FUNCTION_NAMES.length + WORKER_FUNCTIONS.length);
    expect(sizes).toEqual({
      public: 256,
      me: 512,
      account: 512,
      contacts: 512,
      logins: 512,
      services: 512,
      tickets: 512,
      billing: 512,
      staff: 512,
      outbox: 512,
      notify: 1024,
      mailer: 512,
      feedback: 256,
      inbound: 1024,
    });
    for (const [name, size] of Object.entries(sizes)) expect(size).toBe(FUNCTION_MEMORY_MB[name]);
  });

  it('runs every function on Node.js 24 for arm64', () => {
    // Prepare
    const expected = {
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
    };
    const mailer = logicalIdOf(api.mailer.function);
    const notify = logicalIdOf(api.notify.function);
    const inbound = logicalIdOf(api.inbound.function);

    // Act
    const functions = template.findResources('AWS::Lambda::Function');

    // Assess
    expect(Object.keys(functions)).toHaveLength(FUNCTION_NAMES.length + WORKER_FUNCTIONS.length);
    for (const [id, resource] of Object.entries(functions)) {
      expect(resource.Properties).toMatchObject(expected);
      // The mailer's batch runs at the stage's send pace (stream-workers.test.ts); notify
      // writes a notice's work items, one per account in scope, in one invocation.
      // inbound reads, parses and stores mail of up to 10 MiB.
      if (id === notify) expect(resource.Properties.Timeout).toBe(300);
      else if (id === inbound) expect(resource.Properties.Timeout).toBe(INBOUND_TIMEOUT_SECONDS);
      else if (id !== mailer)
        expect(resource.Properties.Timeout).toBe(config.lambda.timeoutSeconds);
    }
  });

  it('logs each function to its own log group with the stage retention', () => {
    // Prepare
    const logGroups = template.findResources('AWS::Logs::LogGroup');

    // Act
    const groups = FUNCTION_NAMES.map((name) => functionProps(name).LoggingConfig.LogGroup.Ref);

    // Assess
    expect(new Set(groups).size).toBe(FUNCTION_NAMES.length);
    for (const group of groups) {
      expect(logGroups[group]?.Properties.RetentionInDays).toBe(config.logRetentionDays);
    }
  });

  it('turns on source maps and the stage log level, and keeps variables the caller adds', () => {
    // Prepare
    const stack = new Stack(newApp(), 'EnvMerge');
    const fn = new PorticoFunction(stack, 'Fn', {
      name: 'public',
      stage: stageConfig('dev'),
      environment: { EXTRA: 'kept', [ENV.logLevel]: 'warn' },
    });

    // Act
    const env =
      Template.fromStack(stack).toJSON().Resources[logicalIdOf(fn)].Properties.Environment;

    // Assess
    expect(env.Variables).toEqual({
      NODE_OPTIONS: '--enable-source-maps',
      LOG_LEVEL: 'warn',
      EXTRA: 'kept',
    });
    expect(functionProps('me').Environment.Variables).toMatchObject({
      NODE_OPTIONS: '--enable-source-maps',
      [ENV.logLevel]: config.logLevel,
    });
  });
});

describe('FUNCTION_BINDINGS', () => {
  it('gives me the table reads and the writes of answering an invitation', () => {
    // Prepare
    const needed = [
      'dynamodb:GetItem',
      'dynamodb:Query',
      'dynamodb:BatchGetItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:PutItem',
    ];

    // Act
    const actions = dynamoActionsOf('me');

    // Assess
    expect(actions).toEqual(expect.arrayContaining(needed));
  });

  it('gives public no table access at all', () => {
    // Prepare
    const env = functionProps('public').Environment.Variables;

    // Act
    const actions = dynamoActionsOf('public');

    // Assess
    expect(actions).toEqual([]);
    expect(env).not.toHaveProperty(ENV.tableName);
  });

  it('gives account read-write table actions', () => {
    // Prepare
    const writes = WRITE_ACTIONS;

    // Act
    const actions = dynamoActionsOf('account');

    // Assess
    expect(actions).toEqual(expect.arrayContaining(writes));
  });

  it('sets each env var exactly on the functions bound to its resource', () => {
    // Prepare
    const bindings: Record<string, FunctionBinding> = FUNCTION_BINDINGS;

    // Act
    const envs = FUNCTION_NAMES.map((name) => ({
      name,
      vars: Object.keys(functionProps(name).Environment.Variables).sort(),
    }));

    // Assess
    for (const { name, vars } of envs) {
      const binding = bindings[name];
      expect(vars.includes(ENV.tableName), name).toBe(Boolean(binding?.table));
      expect(vars.includes(ENV.userPoolId), name).toBe(Boolean(binding?.userPool));
      expect(vars.includes(ENV.userPoolClientId), name).toBe(Boolean(binding?.userPool));
      expect(vars.includes(ENV.mailFrom), name).toBe(Boolean(binding?.mail));
      expect(vars.includes(ENV.staffUserPoolId), name).toBe(Boolean(binding?.staffPool));
      expect(vars.includes(ENV.staffUserPoolClientId), name).toBe(Boolean(binding?.staffPool));
      expect(vars.includes(ENV.messageIdDomain), name).toBe(Boolean(binding?.messageIds));
      expect(vars.includes(ENV.cursorSecret), name).toBe(Boolean(binding?.cursors));
    }
  });

  it('gives the cursor secret to exactly the functions that serve a paged list', async () => {
    // Prepare
    const bindings: Record<string, FunctionBinding> = FUNCTION_BINDINGS;
    const paged = new Set<string>();

    // Act
    for (const route of ROUTES as readonly RouteDefinition[]) {
      const query = (await route.query?.()) as { shape?: Record<string, unknown> } | undefined;
      if (query?.shape && 'cursor' in query.shape) paged.add(route.function);
    }

    // Assess
    expect(paged.size).toBeGreaterThan(0);
    for (const name of FUNCTION_NAMES)
      expect(Boolean(bindings[name]?.cursors), name).toBe(paged.has(name));
  });

  it('resolves the cursor and unsubscribe secrets from two generated Secrets Manager secrets at deploy, never literals', () => {
    // Prepare
    const secrets = template.findResources('AWS::SecretsManager::Secret');
    const idOf = (prefix: string) => Object.keys(secrets).find((id) => id.startsWith(prefix));
    const variables = functionProps('contacts').Environment.Variables;

    // Act
    const values = {
      CursorSecret: JSON.stringify(variables[ENV.cursorSecret]),
      UnsubscribeSecret: JSON.stringify(variables[ENV.unsubscribeSecret]),
    };

    // Assess
    expect(Object.keys(secrets)).toHaveLength(2);
    for (const [prefix, value] of Object.entries(values)) {
      const secretId = idOf(prefix) ?? '';
      expect(secrets[secretId]?.Properties.GenerateSecretString).toMatchObject({
        PasswordLength: 64,
      });
      expect(value).toContain('{{resolve:secretsmanager:');
      expect(value).toContain(secretId);
    }
  });

  it('gives the unsubscribe secret only to the function answering /unsubscribe and the worker signing links, which also gets the API’s URL', () => {
    // Prepare
    const holders = Object.entries(template.findResources('AWS::Lambda::Function'))
      .filter(([, fn]) => ENV.unsubscribeSecret in (fn.Properties.Environment?.Variables ?? {}))
      .map(([id]) => id)
      .sort();

    // Act
    const notifyEnv = resources[logicalIdOf(api.notify.function)]?.Properties.Environment.Variables;
    const serving = new Set(
      ROUTES.filter((route) => route.path === '/unsubscribe').map((route) => route.function)
    );

    // Assess
    expect([...serving]).toEqual(['contacts']);
    expect(holders).toEqual(
      [logicalIdOf(api.functions.contacts), logicalIdOf(api.notify.function)].sort()
    );
    expect(JSON.stringify(notifyEnv[ENV.publicApiUrl])).toContain(logicalIdOf(api.httpApi.api));
  });

  it('binds the staff pool to every function that serves a staff route', () => {
    // Prepare
    const bindings: Record<string, FunctionBinding> = FUNCTION_BINDINGS;

    // Act
    const servingStaff = [
      ...new Set(
        ROUTES.filter((route) => route.access.kind === 'staff').map((route) => route.function)
      ),
    ];

    // Assess
    expect(servingStaff.length).toBeGreaterThan(0);
    for (const name of servingStaff) expect(bindings[name]?.staffPool, name).toBeTruthy();
  });

  it('lets every function that serves a staff route read the table, for the live staff check', () => {
    // Prepare
    const servingStaff = [
      ...new Set(
        ROUTES.filter((route) => route.access.kind === 'staff').map((route) => route.function)
      ),
    ] as FunctionName[];

    // Act
    const actions = servingStaff.map((name) => ({ name, actions: dynamoActionsOf(name) }));

    // Assess
    expect(actions.map(({ name }) => name)).toEqual(expect.arrayContaining(['me', 'tickets']));
    for (const { name, actions: granted } of actions) {
      // GetItem for the authorizer's own read, BatchGetItem for a read shared with the route.
      expect(granted, name).toEqual(
        expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:BatchGetItem'])
      );
    }
  });

  it('gives tickets read-write table actions and the stage mail domain for Message-IDs, without SES', () => {
    // Act
    const actions = dynamoActionsOf('tickets');
    const env = functionProps('tickets').Environment.Variables;

    // Assess
    expect(actions).toEqual(expect.arrayContaining(WRITE_ACTIONS));
    expect(env[ENV.messageIdDomain]).toBe(config.mail.fromAddress.split('@')[1]?.toLowerCase());
    expect(JSON.stringify(allowStatementsOf(template, roleOf('tickets')))).not.toContain('ses:');
  });

  it('never grants a wildcard action or an index wildcard', () => {
    // Prepare
    const statements = FUNCTION_NAMES.flatMap((name) => allowStatementsOf(template, roleOf(name)));

    // Act
    const wildcards = statements.filter(
      (statement) =>
        actionsOf([statement]).some((action) => action.includes('*')) ||
        JSON.stringify(statement.Resource).includes('/index/*')
    );

    // Assess
    expect(wildcards).toEqual([]);
  });
});

const mappingOf = (worker: typeof api.outbox) =>
  Object.values(template.findResources('AWS::Lambda::EventSourceMapping')).find(
    (mapping) => mapping.Properties.FunctionName.Ref === logicalIdOf(worker.function)
  )?.Properties;

const workerStatements = (worker: typeof api.outbox) => {
  const role = worker.function.role;
  if (!role) throw new Error('worker without a role');
  return allowStatementsOf(template, logicalIdOf(role));
};

describe('StreamWorker', () => {
  it('gives each worker one event source over the table stream, with exactly its filter', () => {
    // Act
    const mappings = template.findResources('AWS::Lambda::EventSourceMapping');

    // Assess
    expect(Object.values(mappings)).toHaveLength(STREAM_WORKER_FUNCTIONS.length);
    expect(mappingOf(api.outbox)?.FilterCriteria).toEqual({
      Filters: [{ Pattern: JSON.stringify(OUTBOX_STREAM_FILTER) }],
    });
    expect(mappingOf(api.notify)?.FilterCriteria).toEqual({
      Filters: [{ Pattern: JSON.stringify(NOTIFY_STREAM_FILTER) }],
    });
  });

  it('bisects failing batches, reports single failures, retries, then parks them in its own queue', () => {
    // Prepare
    const expected = {
      StartingPosition: 'TRIM_HORIZON',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      DestinationConfig: { OnFailure: { Destination: expect.anything() } },
    };

    // Act
    const outbox = mappingOf(api.outbox);
    const notify = mappingOf(api.notify);

    // Assess
    expect(outbox).toMatchObject(expected);
    expect(notify).toMatchObject(expected);
    expect(JSON.stringify(outbox?.DestinationConfig)).toContain(
      logicalIdOf(api.outbox.deadLetters)
    );
    expect(JSON.stringify(notify?.DestinationConfig)).toContain(
      logicalIdOf(api.notify.deadLetters)
    );
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
  });

  it('lets notify read the table, create items and update them (notice status and counts), never delete one, and send no mail', () => {
    // Act
    const statements = workerStatements(api.notify);
    const actions = actionsOf(statements);
    const env = resources[logicalIdOf(api.notify.function)].Properties.Environment.Variables;

    // Assess
    expect(actions).toEqual(
      expect.arrayContaining([
        'dynamodb:GetItem',
        'dynamodb:Query',
        'dynamodb:BatchGetItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
      ])
    );
    for (const action of ['dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'])
      expect(actions).not.toContain(action);
    expect(actions.filter((action) => /^(ses|cognito-idp):/.test(action))).toEqual([]);
    expect(env[ENV.supportAddress]).toBe(`support@${config.mail.fromAddress.split('@')[1]}`);
    expect(env).not.toHaveProperty(ENV.mailFrom);
  });

  it('lets the outbox change login emails and passwords and end sessions, and the logins function manage logins, nothing more', () => {
    // Act
    const policies = Object.entries(template.findResources('AWS::IAM::Policy'));
    const cognitoActionsOf = (fragment: string) =>
      policies
        .filter(([id]) => id.includes(fragment))
        .flatMap(([, policy]) => JSON.stringify(policy).match(/cognito-idp:[A-Za-z]+/g) ?? []);

    // Assess
    expect(new Set(cognitoActionsOf('Outbox'))).toEqual(
      new Set([
        'cognito-idp:AdminUpdateUserAttributes',
        'cognito-idp:AdminSetUserPassword',
        'cognito-idp:AdminUserGlobalSignOut',
        'cognito-idp:AdminCreateUser',
        'cognito-idp:AdminGetUser',
        'cognito-idp:AdminDeleteUser',
      ])
    );
    // GET /staff/me calls GetUser, which the caller's own access token authorises.
    expect(cognitoActionsOf('MeFunction')).toEqual([]);
    expect(new Set(cognitoActionsOf('Logins'))).toEqual(
      new Set([
        'cognito-idp:AdminCreateUser',
        'cognito-idp:AdminGetUser',
        'cognito-idp:AdminDeleteUser',
        'cognito-idp:AdminUserGlobalSignOut',
      ])
    );
  });
});
