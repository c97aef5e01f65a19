/**
 * The local stack: DynamoDB Local, cognito-local and aws-ses-v2-local as
 * child processes, the S3 emulator (s3rver behind a signature-checking
 * front) in this process, plus the table, user pools, app clients and
 * invoice bucket the CDK stack would create. In memory by default; with `persistDir` the data and the ids
 * survive restarts (`npm start -- --persist`).
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createCognitoClient, createDynamoDbClient } from '../scripts/local-stack/clients.ts';
import { LOCAL_REGION, type LocalStackInfo } from '../scripts/local-stack/env.ts';
import { startCognitoHooks } from './cognito-hooks.ts';
import { ensureTable } from './create-table.ts';
import { CLIENT_POOL, ensureUserPool, STAFF_POOL, type UserPoolIds } from './create-user-pool.ts';
import { type RunningEmulator, startCognito, startDynamoDb, startSes } from './emulators.ts';
import { assertPortFree, findFreePort, LOCAL_HOST } from './ports.ts';
import { checkJava, removeOnExit, stopAll } from './processes.ts';
import { startS3 } from './s3.ts';
import { startWithOneRetry } from './start-retry.ts';

export type { LocalStackInfo } from '../scripts/local-stack/env.ts';
export { applyLocalStackEnv } from '../scripts/local-stack/env.ts';

export interface LocalStack extends LocalStackInfo {
  /** Stops every emulator (and its process group) and frees the ports. Safe to call twice. */
  stop(): Promise<void>;
}

export type EmulatorName = 'dynamodb' | 'cognito' | 'ses' | 's3';

/** Fixed ports for `npm start`, the variables that move them, and what binds them. */
export const EMULATOR_PORTS: Record<
  EmulatorName,
  { default: number; env: string; what: string; bindAll?: boolean }
> = {
  // DynamoDB Local binds every interface, so "free" must hold for all of them.
  dynamodb: { default: 8000, env: 'DYNAMODB_PORT', what: 'DynamoDB Local', bindAll: true },
  cognito: { default: 9229, env: 'COGNITO_PORT', what: 'cognito-local' },
  ses: { default: 8005, env: 'SES_PORT', what: 'aws-ses-v2-local' },
  s3: { default: 4568, env: 'S3_PORT', what: 'the S3 emulator' },
};

export interface LocalStackOptions {
  /** 0 or missing: a free port (tests). */
  ports?: Partial<Record<EmulatorName, number>>;
  /** Keep data under this directory: `dynamodb/`, `cognito/.cognito/`, `s3/`, `stack.json`. */
  persistDir?: string;
  /** Progress lines (what started where, what was created). */
  log?: (line: string) => void;
  /** What went wrong but was recovered or needs attention (a start-up retry, a crash); `log` when absent, else stderr. */
  warn?: (line: string) => void;
  /** Also pass every line the emulators print to `log`. */
  verbose?: boolean;
  /** Per emulator; the JVM needs ~2 s here, more on a busy machine. */
  startTimeoutMs?: number;
}

/**
 * Per emulator, per attempt; `startTimeoutMs` overrides it. DynamoDB Local's
 * JVM took over 30 s, twice in a row, on two cores at a load average of 16.
 */
export const DEFAULT_START_TIMEOUT_MS = 60_000;

const TABLE_NAME = 'portico-local';
const POOL_NAME = 'portico-local';
const STAFF_POOL_NAME = 'portico-local-staff';
const INVOICE_BUCKET = 'portico-local-invoices';
const MAIL_BUCKET = 'portico-local-mail';

interface PersistedIds extends Partial<UserPoolIds> {
  tableName?: string;
  staff?: Partial<UserPoolIds>;
}

const readPersistedIds = async (file: string): Promise<PersistedIds> => {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as PersistedIds;
  } catch {
    // Missing or unreadable: start afresh; the emulators' own data stays as it is.
    return {};
  }
};

/** Picks a free port for 0/undefined; checks a fixed one is free, with the setting that moves it. */
export const resolvePort = async (name: EmulatorName, requested?: number): Promise<number> => {
  const setting = EMULATOR_PORTS[name];
  if (!requested) return findFreePort();
  for (const host of setting.bindAll ? ['::', '0.0.0.0'] : [LOCAL_HOST]) {
    try {
      await assertPortFree(requested, { host, what: setting.what, hint: setting.env });
      break;
    } catch (error) {
      // A host without IPv6: the IPv4 wildcard check decides.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EAFNOSUPPORT' && code !== 'EADDRNOTAVAIL') throw error;
    }
  }
  return requested;
};

export const startLocalStack = async (options: LocalStackOptions = {}): Promise<LocalStack> => {
  const log = options.log ?? (() => undefined);
  // A retry or a crash stays visible (and countable) when the caller gave nowhere to write.
  const warn =
    options.warn ?? options.log ?? ((line: string) => console.warn(`local stack: ${line}`));
  const onLine = options.verbose ? log : undefined;
  const timeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  checkJava();

  const persistDir = options.persistDir ? resolve(options.persistDir) : undefined;
  const stateFile = persistDir ? join(persistDir, 'stack.json') : undefined;
  const cognitoDir = persistDir
    ? join(persistDir, 'cognito')
    : await mkdtemp(join(tmpdir(), 'portico-cognito-'));
  await mkdir(cognitoDir, { recursive: true });
  const removeCognitoDir = persistDir ? undefined : removeOnExit(cognitoDir);
  const s3Dir = persistDir ? join(persistDir, 's3') : await mkdtemp(join(tmpdir(), 'portico-s3-'));
  await mkdir(s3Dir, { recursive: true });
  const removeS3Dir = persistDir ? undefined : removeOnExit(s3Dir);

  // Before cognito-local, which is told where they are.
  const hooks = await startCognitoHooks(log);
  const retried = <T>(name: EmulatorName, start: (port: number) => Promise<T>) =>
    startWithOneRetry({
      what: EMULATOR_PORTS[name].what,
      choosePort: () => resolvePort(name, options.ports?.[name]),
      start,
      log: warn,
    });

  // Start all four at once; if one fails (twice), stop the others before rethrowing.
  const started = await Promise.allSettled([
    retried('dynamodb', (port) =>
      startDynamoDb({
        port,
        dataDir: persistDir && join(persistDir, 'dynamodb'),
        timeoutMs,
        onLine,
      })
    ),
    retried('cognito', (port) =>
      startCognito({
        port,
        stateDir: cognitoDir,
        hooksEndpoint: hooks.endpoint,
        timeoutMs,
        onLine,
      })
    ),
    retried('ses', (port) => startSes({ port, timeoutMs, onLine })),
    retried('s3', (port) =>
      startS3({ port, directory: s3Dir, buckets: [INVOICE_BUCKET, MAIL_BUCKET], onLine })
    ),
  ]);
  const running = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      await stopAll(running.map((emulator) => emulator.process));
      await hooks.close();
      removeCognitoDir?.();
      removeS3Dir?.();
    })();
    return stopped;
  };
  const failure = started.find((r) => r.status === 'rejected');
  if (failure) {
    await stop();
    throw failure.reason;
  }
  const [dynamodb, cognito, ses, s3] = running as [
    RunningEmulator,
    RunningEmulator,
    RunningEmulator,
    RunningEmulator,
  ];
  for (const emulator of running) {
    // A crash later on (e.g. the JVM killed for memory) would otherwise only show as 500s.
    emulator.process.unexpectedExit.catch(() =>
      warn(`${emulator.process.name} stopped unexpectedly; restart the stack`)
    );
  }
  log(
    `DynamoDB Local ${dynamodb.endpoint} (${persistDir ? `data in ${join(persistDir, 'dynamodb')}` : 'in memory'})`
  );
  log(
    `cognito-local  ${cognito.endpoint} (state in ${join(cognitoDir, '.cognito')}; its mail goes to the SES emulator)`
  );
  log(`SES emulator   ${ses.endpoint} (mail in memory: GET /store)`);
  log(
    `S3 emulator    ${s3.endpoint} (buckets ${INVOICE_BUCKET} and ${MAIL_BUCKET}, objects in ${s3Dir})`
  );

  try {
    const persisted = stateFile ? await readPersistedIds(stateFile) : {};
    const tableName = persisted.tableName ?? TABLE_NAME;
    const dynamoClient = createDynamoDbClient({
      region: LOCAL_REGION,
      dynamodbEndpoint: dynamodb.endpoint,
    });
    const cognitoClient = createCognitoClient({
      region: LOCAL_REGION,
      cognitoEndpoint: cognito.endpoint,
    });
    const resetHint = persistDir
      ? `delete ${persistDir} to start afresh`
      : 'this should not happen in memory';
    const [, ids, staffIds] = await Promise.all([
      ensureTable(dynamoClient, tableName, { log, resetHint }),
      ensureUserPool(cognitoClient, {
        name: POOL_NAME,
        blueprint: CLIENT_POOL,
        known: persisted,
        log,
      }),
      ensureUserPool(cognitoClient, {
        name: STAFF_POOL_NAME,
        blueprint: STAFF_POOL,
        known: persisted.staff,
        log: (line) => log(`staff ${line}`),
      }),
    ]).finally(() => {
      dynamoClient.destroy();
      cognitoClient.destroy();
    });
    if (stateFile) {
      const state: PersistedIds = { tableName, ...ids, staff: staffIds };
      await writeFile(stateFile, `${JSON.stringify(state, null, 2)}\n`);
    }

    const issuer = `${cognito.endpoint}/${ids.userPoolId}`;
    const staffIssuer = `${cognito.endpoint}/${staffIds.userPoolId}`;
    return {
      region: LOCAL_REGION,
      tableName,
      dynamodbEndpoint: dynamodb.endpoint,
      cognitoEndpoint: cognito.endpoint,
      sesEndpoint: ses.endpoint,
      s3Endpoint: s3.endpoint,
      invoiceBucket: INVOICE_BUCKET,
      mailBucket: MAIL_BUCKET,
      ...ids,
      issuer,
      jwksUri: `${issuer}/.well-known/jwks.json`,
      staffUserPoolId: staffIds.userPoolId,
      staffUserPoolClientId: staffIds.userPoolClientId,
      staffIssuer,
      staffJwksUri: `${staffIssuer}/.well-known/jwks.json`,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
};

/** The serialisable part of a stack (what tests receive through `provide`). */
export const stackInfo = ({ stop: _stop, ...info }: LocalStack): LocalStackInfo => info;
