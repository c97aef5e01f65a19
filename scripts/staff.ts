/**
 * `npm run staff -- <add|disable|enable|remove> <username> [options]`:
 * creates, disables, enables or removes a staff login, the Cognito user in
 * the staff pool and its staff item in the table together (see
 * docs/deploy.md#staff-logins). The username is the person's work email.
 *
 * With `npm start` running and no options, it works on the local stack
 * (PORT, default 3000). For a deployed stage, with the operator's AWS
 * credentials and region (AWS_PROFILE, AWS_REGION):
 *   --table-name NAME    PORTICO_TABLE_NAME           the stage's TableName output
 *   --user-pool-id ID    PORTICO_STAFF_USER_POOL_ID   the stage's StaffUserPoolId output
 * For `add`:
 *   --given-name NAME    --family-name NAME           the person's names (optional)
 * Exit status: 0 done, 1 refused (say, no such login), 2 could not run.
 */

import { parseArgs } from 'node:util';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoTableStore } from '#core/table/store';
import { createCognitoClient, createDocumentClient } from './local-stack/clients.ts';
import { readRunningStack } from './local-stack/running-stack.ts';
import {
  addStaff,
  disableStaff,
  enableStaff,
  removeStaff,
  type StaffAdmin,
  StaffCommandError,
  type StaffOutcome,
} from './staff/commands.ts';

const USAGE =
  'usage: npm run staff -- <add|disable|enable|remove> <username> [--given-name NAME] [--family-name NAME] [--table-name NAME --user-pool-id ID]';

/** The local stack's demo password (`npm start` uses the same default), for logins added there. */
const DEFAULT_LOCAL_PASSWORD = 'Portico-Demo-2026!';

const COMMANDS = ['add', 'disable', 'enable', 'remove'] as const;
type Command = (typeof COMMANDS)[number];

/** A problem with how the command was called or where it points: exit status 2. */
class SetupError extends Error {}

const parseFlags = () => {
  try {
    return parseArgs({
      allowPositionals: true,
      strict: true,
      options: {
        'table-name': { type: 'string' },
        'user-pool-id': { type: 'string' },
        'given-name': { type: 'string' },
        'family-name': { type: 'string' },
      },
    });
  } catch (error) {
    throw new SetupError(`${(error as Error).message}\n${USAGE}`);
  }
};

const readOptions = () => {
  const { values, positionals } = parseFlags();
  const [command, username, ...extra] = positionals;
  if (!COMMANDS.includes(command as Command) || !username || extra.length) {
    throw new SetupError(USAGE);
  }
  const env = process.env;
  return {
    command: command as Command,
    username: username.trim(),
    givenName: values['given-name'],
    familyName: values['family-name'],
    tableName: values['table-name'] ?? env.PORTICO_TABLE_NAME,
    userPoolId: values['user-pool-id'] ?? env.PORTICO_STAFF_USER_POOL_ID,
    port: Number(env.PORT ?? 3000),
  };
};

type Options = ReturnType<typeof readOptions>;

/** The commands' view of a stage through these clients; `close` lets them go. */
const adminOver = (
  cognito: CognitoIdentityProviderClient,
  dynamo: DynamoDBDocumentClient,
  tableName: string,
  pool: Pick<StaffAdmin, 'staffUserPoolId' | 'emulator'>
): StaffAdmin & { close: () => void } => ({
  cognito,
  table: dynamoTableStore(dynamo, tableName),
  ...pool,
  close: () => {
    cognito.destroy();
    dynamo.destroy();
  },
});

/** A deployed stage (both names given), or the local stack `npm start` left its coordinates for. */
const adminFor = async (options: Options) => {
  if (options.tableName || options.userPoolId) {
    if (!options.tableName || !options.userPoolId) {
      throw new SetupError('a deployed stage needs both --table-name and --user-pool-id');
    }
    const dynamo = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
      marshallOptions: { removeUndefinedValues: true },
    });
    return adminOver(new CognitoIdentityProviderClient({}), dynamo, options.tableName, {
      staffUserPoolId: options.userPoolId,
    });
  }
  const stack = await readRunningStack(options.port);
  if (!stack) {
    throw new SetupError(
      `no local stack on port ${options.port}: is \`npm start\` running? For a deployed stage pass --table-name and --user-pool-id`
    );
  }
  return adminOver(createCognitoClient(stack), createDocumentClient(stack), stack.tableName, {
    staffUserPoolId: stack.staffUserPoolId,
    emulator: {
      staffUserPoolClientId: stack.staffUserPoolClientId,
      password: process.env.PORTICO_DEMO_PASSWORD || DEFAULT_LOCAL_PASSWORD,
    },
  });
};

const run = (admin: StaffAdmin, options: Options): Promise<StaffOutcome> => {
  switch (options.command) {
    case 'add':
      return addStaff(admin, options);
    case 'disable':
      return disableStaff(admin, options.username);
    case 'enable':
      return enableStaff(admin, options.username);
    case 'remove':
      return removeStaff(admin, options.username);
  }
};

const report = (command: Command, outcome: StaffOutcome) => {
  const lines = [
    `staff ${command}: ${outcome.username} (staff id ${outcome.staffId}), staff item ${outcome.status}`,
    ...outcome.steps.map((step) => `  - ${step}`),
    ...(outcome.signIn
      ? [
          `  sign in with password ${outcome.signIn.password} and TOTP secret ${outcome.signIn.totpSecret}`,
        ]
      : []),
  ];
  console.log(lines.join('\n'));
};

const main = async (): Promise<number> => {
  // The SDK's notice that this Node version will lose support is noise for an operator here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const options = readOptions();
  const admin = await adminFor(options);
  try {
    report(options.command, await run(admin, options));
    return 0;
  } finally {
    admin.close();
  }
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const refused = error instanceof StaffCommandError;
    const message = refused || error instanceof SetupError ? error.message : String(error);
    process.stderr.write(`staff: ${message}\n`);
    process.exit(refused ? 1 : 2);
  }
);
