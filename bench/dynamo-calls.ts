/**
 * Counts the DynamoDB calls the code being measured makes (the benchmark and
 * the DynamoDB budget tests), by hooking an SDK
 * middleware into the functions' shared document client. It also asks each
 * call for `ReturnConsumedCapacity: TOTAL` and sums the read and write units
 * DynamoDB reports (the cost model's figures).
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
  /** Units DynamoDB reported as consumed, table and indexes together. */
  capacity: { readUnits: number; writeUnits: number };
}

interface Consumed {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

const commands: string[] = [];
const capacity = { readUnits: 0, writeUnits: 0 };

/** Without a read/write split (DynamoDB Local reports only CapacityUnits), the command's kind decides. */
const addConsumed = (commandName: string, consumed: unknown) => {
  for (const entry of [consumed ?? []].flat() as Consumed[]) {
    const read = entry.ReadCapacityUnits;
    const write = entry.WriteCapacityUnits;
    if (read !== undefined || write !== undefined) {
      capacity.readUnits += read ?? 0;
      capacity.writeUnits += write ?? 0;
    } else if (WRITES.has(commandName)) capacity.writeUnits += entry.CapacityUnits ?? 0;
    else capacity.readUnits += entry.CapacityUnits ?? 0;
  }
};
let installed = false;

export const installCallCounter = () => {
  if (installed) return;
  installed = true;
  dynamo.middlewareStack.add(
    (next, context) => async (args) => {
      const commandName = context.commandName ?? 'unknown';
      commands.push(commandName);
      const input = args.input as { ReturnConsumedCapacity?: string };
      input.ReturnConsumedCapacity ??= 'TOTAL';
      const result = await next(args);
      addConsumed(
        commandName,
        (result.output as { ConsumedCapacity?: unknown } | undefined)?.ConsumedCapacity
      );
      return result;
    },
    { step: 'initialize', name: 'porticoTestCallCounter' }
  );
};

export const resetCalls = () => {
  commands.length = 0;
  capacity.readUnits = 0;
  capacity.writeUnits = 0;
};

export const countCalls = (): CallCount => ({
  reads: commands.filter((name) => READS.has(name)).length,
  writes: commands.filter((name) => WRITES.has(name)).length,
  scans: commands.filter((name) => name === 'ScanCommand').length,
  commands: [...commands],
  capacity: { ...capacity },
});
