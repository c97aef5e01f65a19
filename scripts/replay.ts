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
 * With `npm start` running and no --table-name, it works on the local stack
 * (PORT, default 3000) and its local queue file, which it empties after.
 * For a deployed stage, with the operator's AWS credentials and region:
 *   --table-name NAME   PORTICO_TABLE_NAME   the stage's TableName output
 *   --file PATH         the queue's messages, saved with `aws sqs receive-message`
 * `--delivery SOURCE_ID ADDRESS` names one delivery instead (from the mailer's
 * log, or the email log); `--resend-sending` re-queues deliveries stuck in
 * `sending` too, which may then reach their address twice.
 * Exit status: 0 done, 2 could not run.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoTableStore } from '#core/table/store';
import { NOTIFY_STREAM_FILTER } from '../functions/notify/stream-filter.ts';
import { createDocumentClient } from './local-stack/clients.ts';
import { localDeadLetterFile, type StreamBatchPointer } from './local-stack/dead-letters.ts';
import { LOCAL_CREDENTIALS } from './local-stack/env.ts';
import { readRunningStack } from './local-stack/running-stack.ts';
import { deliveriesAt, parkedBatchEvent, pointersIn } from './replay/pointers.ts';
import { requeueDelivery } from './replay/requeue.ts';

const USAGE = [
  'usage: npm run replay -- mailer [--file PATH] [--delivery SOURCE_ID ADDRESS] [--resend-sending] [--table-name NAME]',
  '       npm run replay -- notify --out DIR [--file PATH] [--table-name NAME]',
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
  const notifyArgs =
    queue === 'notify' &&
    Boolean(values.out) &&
    named.length === 0 &&
    !values.delivery &&
    !values['resend-sending'];
  if (!mailerArgs && !notifyArgs) throw new SetupError(USAGE);
  return {
    queue: queue as 'mailer' | 'notify',
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

/** Each parked batch's event, written to `out` as a file to invoke the notify function with. */
const writeNotifyEvents = async (
  streams: DynamoDBStreamsClient,
  pointers: StreamBatchPointer[],
  out: string,
  tableName: string
) => {
  await mkdir(out, { recursive: true });
  let written = 0;
  for (const pointer of pointers) {
    if (!pointer.streamArn.includes(`:table/${tableName}/stream/`)) {
      console.log(`${pointer.streamArn}: not the stream of ${tableName}; skipped`);
      continue;
    }
    const event = await parkedBatchEvent(streams, pointer, NOTIFY_STREAM_FILTER);
    const path = join(out, `notify-${++written}.json`);
    await writeFile(path, `${JSON.stringify(event)}\n`);
    console.log(
      `${path}: ${event.Records.length} records (sequence ${pointer.startSequenceNumber} to ${pointer.endSequenceNumber})`
    );
  }
  console.log(`replay: ${written} parked batches written to ${out}`);
};

const main = async () => {
  const options = readOptions();
  const { tableName, documents, streams, file, local } = await target(options);
  if (options.queue === 'notify') {
    const text = file ? await readFile(file, 'utf8').catch(() => '') : '';
    await writeNotifyEvents(streams, pointersIn(text), options.out ?? '.', tableName);
    if (local && file) await writeFile(file, '');
    return;
  }
  const store = dynamoTableStore(documents, tableName);
  const keys = options.delivery ? [options.delivery] : [];
  if (!options.delivery && file) {
    const text = await readFile(file, 'utf8').catch(() => '');
    for (const pointer of pointersIn(text)) keys.push(...(await deliveriesAt(streams, pointer)));
  }
  for (const key of keys) {
    const outcome = await requeueDelivery(store, key, {
      resendSending: options.resendSending,
      now: new Date().toISOString(),
    });
    console.log(`${key.sourceId} → ${key.address}: ${outcome}`);
  }
  console.log(`replay: ${keys.length} deliveries looked at`);
  // Locally the file is the queue: what was replayed leaves it. In AWS the operator deletes the messages.
  if (local && file && !options.delivery) await writeFile(file, '');
};

main().catch((error) => {
  console.error(error instanceof SetupError ? error.message : error);
  process.exit(2);
});
