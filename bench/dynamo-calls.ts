/**
 * Counts the DynamoDB calls the code being measured makes (the benchmark and
 * the DynamoDB budget tests), by hooking an SDK
 * middleware into the functions' shared document client.
 */
import { dynamo } from '#core/platform/clients/dynamodb';

const READS = new Set([
  'GetItemCommand',
  'BatchGetItemCommand',
  'QueryCommand',
  'TransactGetItemsCommand',
]);
const WRITES = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'BatchWriteItemCommand',
  'TransactWriteItemsCommand',
]);

export interface CallCount {
  reads: number;
  writes: number;
  scans: number;
  commands: string[];
}

const commands: string[] = [];
let installed = false;

export const installCallCounter = () => {
  if (installed) return;
  installed = true;
  dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      commands.push(context.commandName ?? 'unknown');
      return next(args);
    },
    { step: 'initialize', name: 'porticoTestCallCounter' }
  );
};

export const resetCalls = () => {
  commands.length = 0;
};

export const countCalls = (): CallCount => ({
  reads: commands.filter((name) => READS.has(name)).length,
  writes: commands.filter((name) => WRITES.has(name)).length,
  scans: commands.filter((name) => name === 'ScanCommand').length,
  commands: [...commands],
});
