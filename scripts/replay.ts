/**
 * `npm run replay -- mailer [--file PATH] [--delivery SOURCE_ID ADDRESS] [--resend-sending]`:
 * puts back in front of the mailer the deliveries its dead-letter queue
 * names (docs/runbook.md). Each is re-queued as a new item, so the mailer
 * claims and sends it through its usual path; a delivery already sent,
 * suppressed or failed is left alone, so replaying twice sends nothing twice.
 *
 * `npm run replay -- notify --out DIR [--file PATH]`: writes, for each batch
 * notify's dead-letter queue names, the event Lambda gave the function (its
 * records read back from the stream) to DIR, to invoke the function with
 * again; every notify job is safe to run twice.
 *
 * `npm run replay -- outbox [--file PATH]`: lists the tasks the outbox's
 * parked batches held (ids and kinds), to redo by hand.
 *
 * With `npm start` running and no --table-name, it works on the local stack
 * (PORT, default 3000) and the worker's local queue file, which the mailer's
 * replay empties after (nothing invokes notify's files locally).
 * For a deployed stage, with the operator's AWS credentials and region:
 *   --table-name NAME   PORTICO_TABLE_NAME   the stage's TableName output
 *   --file PATH         the queue's messages, saved with `aws sqs receive-message`
 * `--delivery SOURCE_ID ADDRESS` names one delivery instead (from the mailer's
 * log, or the email log); `--resend-sending` re-queues deliveries stuck in
 * `sending` too, which may then reach their address twice.
 * Exit status: 0 done, 1 done but a message's batch was left aside (keep
 * that message), 2 could not run.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { DELIVERY_STREAM_FILTER } from '#core/entities/delivery';
import { OUTBOX_STREAM_FILTER } from '#core/entities/outbox';
import { dynamoTableStore, type TableStore } from '#core/table/store';
import { NOTIFY_STREAM_FILTER } from '../functions/notify/stream-filter.ts';
import { createDocumentClient } from './local-stack/clients.ts';
import { localDeadLetterFile } from './local-stack/dead-letters.ts';
import { LOCAL_CREDENTIALS } from './local-stack/env.ts';
import { readRunningStack } from './local-stack/running-stack.ts';
import {
  type ParkedBatch,
  parkedBatches,
  skippedLine,
  widerThanBatch,
} from './replay/parked-batches.ts';
import { pointersIn } from './replay/pointers.ts';
import { requeueDelivery } from './replay/requeue.ts';

const USAGE = [
  'usage: npm run replay -- mailer [--file PATH] [--delivery SOURCE_ID ADDRESS] [--resend-sending] [--table-name NAME]',
  '       npm run replay -- notify --out DIR [--file PATH] [--table-name NAME]',
  '       npm run replay -- outbox [--file PATH] [--table-name NAME]',
].join('\n');

class SetupError extends Error {}

const readOptions = () => {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      strict: true,
      options: {
        file: { type: 'string' },
        delivery: { type: 'boolean' },
        'resend-sending': { type: 'boolean' },
        'table-name': { type: 'string' },
        out: { type: 'string' },
      },
    });
  } catch (error) {
    throw new SetupError(`${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [queue, ...named] = positionals;
  const mailerArgs =
    queue === 'mailer' &&
    !values.out &&
    (values.delivery ? named.length === 2 : named.length === 0);
  const plain = named.length === 0 && !values.delivery && !values['resend-sending'];
  const notifyArgs = queue === 'notify' && Boolean(values.out) && plain;
  const outboxArgs = queue === 'outbox' && !values.out && plain;
  if (!mailerArgs && !notifyArgs && !outboxArgs) throw new SetupError(USAGE);
  return {
    queue: queue as 'mailer' | 'notify' | 'outbox',
    out: values.out as string | undefined,
    file: values.file as string | undefined,
    delivery: values.delivery ? { sourceId: named[0] ?? '', address: named[1] ?? '' } : undefined,
    resendSending: Boolean(values['resend-sending']),
    tableName: (values['table-name'] as string | undefined) ?? process.env.PORTICO_TABLE_NAME,
    port: Number(process.env.PORT ?? 3000),
  };
};

/** The table and stream to work on, and where the parked messages are. */
const target = async (options: ReturnType<typeof readOptions>) => {
  if (options.tableName) {
    if (!options.file && !options.delivery) {
      throw new SetupError(
        `a deployed stage needs --file (the queue’s messages)${options.queue === 'mailer' ? ' or --delivery' : ''}`
      );
    }
    return {
      tableName: options.tableName,
      documents: DynamoDBDocumentClient.from(new DynamoDBClient({}), {
        marshallOptions: { removeUndefinedValues: true },
      }),
      streams: new DynamoDBStreamsClient({}),
      file: options.file,
      local: false,
    };
  }
  const stack = await readRunningStack(options.port);
  if (!stack)
    throw new SetupError(`no local stack on port ${options.port}: is \`npm start\` running?`);
  return {
    tableName: stack.tableName,
    documents: createDocumentClient(stack),
    streams: new DynamoDBStreamsClient({
      region: stack.region,
      endpoint: stack.dynamodbEndpoint,
      credentials: LOCAL_CREDENTIALS,
    }),
    file: options.file ?? localDeadLetterFile(stack.tableName, options.queue),
    local: !options.file,
  };
};

const FILTERS = {
  mailer: DELIVERY_STREAM_FILTER,
  notify: NOTIFY_STREAM_FILTER,
  outbox: OUTBOX_STREAM_FILTER,
} as const;

type ReadBatch = ParkedBatch & { event: DynamoDBStreamEvent };

const itemsOf = (batch: ReadBatch) =>
  batch.event.Records.map((record) =>
    unmarshall((record.dynamodb?.NewImage ?? {}) as Record<string, AttributeValue>)
  );

/** Notify: each batch's event in a file of `out`, numbered as its message, to invoke the function with. */
const writeNotifyEvents = async (batches: ReadBatch[], out: string) => {
  await mkdir(out, { recursive: true });
  for (const batch of batches) {
    const path = join(out, `notify-${batch.message}.json`);
    await writeFile(path, `${JSON.stringify(batch.event)}\n`);
    const wider = widerThanBatch(batch)
      ? ` (the batch held ${batch.pointer.batchSize}: the range also holds records that went through)`
      : '';
    console.log(`message ${batch.message}: ${path}, ${batch.event.Records.length} records${wider}`);
  }
  console.log(`replay: ${batches.length} parked batches written to ${out}`);
};

/** Outbox: the tasks each batch held (ids and kinds only), to redo by hand. */
const listOutboxTasks = (batches: ReadBatch[]) => {
  let tasks = 0;
  for (const batch of batches)
    for (const item of itemsOf(batch)) {
      tasks += 1;
      console.log(
        `message ${batch.message}: task ${item.id} ${item.task?.kind ?? '?'} of account ${item.accountId}`
      );
    }
  console.log(`replay: ${tasks} tasks in ${batches.length} parked batches, to redo by hand`);
};

/** Mailer: every delivery the batches name (or the one named) re-queued. */
const requeueDeliveries = async (
  store: TableStore,
  keys: { sourceId: string; address: string }[],
  resendSending: boolean
) => {
  for (const key of keys) {
    const outcome = await requeueDelivery(store, key, {
      resendSending,
      now: new Date().toISOString(),
    });
    console.log(`${key.sourceId} → ${key.address}: ${outcome}`);
  }
  console.log(`replay: ${keys.length} deliveries looked at`);
};

const main = async () => {
  const options = readOptions();
  const { tableName, documents, streams, file, local } = await target(options);
  const text = file && !options.delivery ? await readFile(file, 'utf8').catch(() => '') : '';
  const batches = await parkedBatches(streams, pointersIn(text), {
    tableName,
    filter: FILTERS[options.queue],
  });
  const read: ReadBatch[] = [];
  for (const batch of batches) {
    if ('skipped' in batch) console.log(skippedLine(batch));
    else read.push(batch);
  }
  // Not 0 when a message was left aside: the operator keeps those messages.
  if (read.length < batches.length) process.exitCode = 1;
  if (options.queue === 'notify') return writeNotifyEvents(read, options.out ?? '.');
  if (options.queue === 'outbox') return listOutboxTasks(read);
  const keys = options.delivery
    ? [options.delivery]
    : read.flatMap(itemsOf).map((item) => ({ sourceId: item.sourceId, address: item.address }));
  await requeueDeliveries(dynamoTableStore(documents, tableName), keys, options.resendSending);
  // Locally the file is the mailer's queue: what was replayed leaves it. In AWS the operator deletes the messages.
  if (local && file && !options.delivery) await writeFile(file, '');
};

main().catch((error) => {
  console.error(error instanceof SetupError ? error.message : error);
  process.exit(2);
});
