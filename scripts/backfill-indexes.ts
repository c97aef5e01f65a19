/**
 * `npm run backfill:indexes -- [options]`: writes today's index keys onto
 * items stored before the code wrote them (contacts by name, the helpdesk
 * queue per turn; scripts/backfill/indexes.ts). Safe to run again, and
 * while the API serves: an item already right is not written. See
 * docs/deploy.md#index-backfill.
 *
 * With `npm start` running and no options, it works on the local stack
 * (PORT, default 3000). For a deployed stage, with the operator's AWS
 * credentials and region (AWS_PROFILE, AWS_REGION):
 *   --table-name NAME    PORTICO_TABLE_NAME    the stage's TableName output
 * Other options:
 *   --page-size N        items per Scan page (default 500, at most 1000)
 *   --start-key JSON     resume after the key a stopped run printed last
 *   --dry-run            count what would change, write nothing
 * Exit status: 0 done, 2 could not run.
 */
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type BackfillTable, backfillIndexes } from './backfill/indexes.ts';
import { createDocumentClient } from './local-stack/clients.ts';
import { readRunningStack } from './local-stack/running-stack.ts';

const USAGE =
  'usage: npm run backfill:indexes -- [--table-name NAME] [--page-size N] [--start-key JSON] [--dry-run]';

class SetupError extends Error {}

const parseFlags = () => {
  try {
    return parseArgs({
      strict: true,
      options: {
        'table-name': { type: 'string' },
        'page-size': { type: 'string' },
        'start-key': { type: 'string' },
        'dry-run': { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new SetupError(`${(error as Error).message}\n${USAGE}`);
  }
};

const readOptions = () => {
  const { values } = parseFlags();
  const pageSize = Number(values['page-size'] ?? 500);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
    throw new SetupError('--page-size must be a whole number from 1 to 1000');
  }
  let startKey: Record<string, unknown> | undefined;
  if (values['start-key'] !== undefined) {
    try {
      startKey = JSON.parse(values['start-key']);
    } catch {
      throw new SetupError('--start-key must be the JSON key a run printed');
    }
  }
  return {
    tableName: values['table-name'] ?? process.env.PORTICO_TABLE_NAME,
    pageSize,
    startKey,
    dryRun: values['dry-run'] === true,
    port: Number(process.env.PORT ?? 3000),
  };
};

const tableFor = async (options: ReturnType<typeof readOptions>): Promise<BackfillTable> => {
  if (options.tableName) {
    return {
      dynamo: DynamoDBDocumentClient.from(new DynamoDBClient({})),
      tableName: options.tableName,
    };
  }
  const stack = await readRunningStack(options.port);
  if (!stack) {
    throw new SetupError(
      `no local stack on port ${options.port}: is \`npm start\` running? For a deployed stage pass --table-name`
    );
  }
  return { dynamo: createDocumentClient(stack), tableName: stack.tableName };
};

const main = async () => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const options = readOptions();
  const table = await tableFor(options);
  try {
    const done = await backfillIndexes(table, {
      pageSize: options.pageSize,
      startKey: options.startKey,
      dryRun: options.dryRun,
      onPage: (progress) =>
        console.log(
          `scanned ${progress.scanned}, ${options.dryRun ? 'would update' : 'updated'} ${progress.updated}, skipped ${progress.skipped}` +
            (progress.nextKey
              ? `; resume with --start-key '${JSON.stringify(progress.nextKey)}'`
              : '')
        ),
    });
    console.log(`backfill done: ${done.updated} items ${options.dryRun ? 'to update' : 'updated'}`);
  } finally {
    table.dynamo.destroy();
  }
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(
      `backfill:indexes: ${error instanceof SetupError ? error.message : String(error)}`
    );
    process.exit(2);
  }
);
