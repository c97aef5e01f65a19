/**
 * DynamoDB Local for the overhead measurement, started with the local
 * stack's own helpers (in memory, on a free port) and holding the table
 * created from functions/core/table/table.ts. Only DynamoDB: the measured routes
 * need no Cognito, since the bench hands the handler verified claims.
 */

import { ensureTable } from '../local/create-table.ts';
import { startDynamoDb } from '../local/emulators.ts';
import { findFreePort } from '../local/ports.ts';
import { checkJava } from '../local/processes.ts';
import { createDynamoDbClient } from '../scripts/local-stack/clients.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../scripts/local-stack/env.ts';
import { functionEnv } from './function-env.ts';

export const BENCH_TABLE_NAME = 'portico-bench';

export interface BenchDatabase {
  endpoint: string;
  tableName: string;
  /** Stops the JVM's process group; safe to call twice. */
  stop(): Promise<void>;
}

export const startBenchDatabase = async (): Promise<BenchDatabase> => {
  checkJava();
  const port = await findFreePort();
  const { process: emulator, endpoint } = await startDynamoDb({ port, timeoutMs: 60_000 });
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= emulator.stop();
    return stopped;
  };
  const client = createDynamoDbClient({ region: LOCAL_REGION, dynamodbEndpoint: endpoint });
  try {
    await ensureTable(client, BENCH_TABLE_NAME, {
      log: () => undefined,
      resetHint: 'the bench table is in memory',
    });
  } catch (error) {
    await stop();
    throw error;
  } finally {
    client.destroy();
  }
  return { endpoint, tableName: BENCH_TABLE_NAME, stop };
};

/** The environment a function sees against the bench table (this process or a child). */
export const benchEnv = (database: BenchDatabase): Record<string, string> => ({
  ...functionEnv({
    region: LOCAL_REGION,
    tableName: database.tableName,
    dynamoEndpoint: database.endpoint,
  }),
  AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
});

/**
 * Points the function code at the bench table. Must run before any handler
 * or client module is imported: they read their configuration at import time.
 */
export const applyBenchEnv = (database: BenchDatabase): void => {
  Object.assign(process.env, benchEnv(database));
};
