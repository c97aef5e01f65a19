/**
 * The notice fan-out measure of `npm run bench`: 10,000 recipients across
 * accounts (BENCH_FANOUT_ACCOUNTS × 5 contacts, seeded straight into
 * DynamoDB Local), one `everyone` notice, the notify and mailer consumers
 * run by the local stream poller as `npm start` runs them, and the time
 * until the SES emulator holds every recipient's mail. Then again on a
 * fresh table with the consumers killed mid-way (SIGKILL) and restarted
 * from the stream's start: duplicates and missing mail counted both times.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { toAccountItem } from '#core/entities/account';
import { ALL_EMAIL_PREFERENCES, type Contact, toContactItem } from '#core/entities/contact';
import { createNoticePut } from '#core/entities/notice';
import { ensureTable } from '../local/create-table.ts';
import { startSes } from '../local/emulators.ts';
import { findFreePort } from '../local/ports.ts';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../scripts/local-stack/env.ts';
import type { BenchDatabase } from './dynamodb-local.ts';
import { functionEnv } from './function-env.ts';
import { positiveIntFromEnv } from './stats.ts';

export const CONTACTS_PER_ACCOUNT = 5;
const AT = '2026-12-01T00:00:00.000Z';
const TIMEOUT_MS = positiveIntFromEnv('BENCH_FANOUT_TIMEOUT_S', 900) * 1000;

export interface FanOutRun {
  label: string;
  recipients: number;
  /** From the notice's write until the emulator held every recipient's mail. */
  seconds: number;
  delivered: number;
  duplicates: number;
  missing: number;
  /** Mail in the emulator when the consumers were killed (restart run only). */
  killedAt?: number;
}

const contactOf = (accountId: string, index: number): Contact => ({
  id: `${accountId}-c${index}`,
  accountId,
  kind: 'individual',
  firstName: `Person ${index}`,
  lastName: accountId,
  email: `${accountId}-c${index}@bench.example`,
  phone: '+441632960000',
  address: { line1: '1 Bench Street', city: 'Leeds', postcode: 'LS1 1AA', country: 'GB' },
  language: index % 2 ? 'es' : 'en',
  emailPreferences: ALL_EMAIL_PREFERENCES,
  supportScope: 'global',
  assignedServices: [],
  subAccount: null,
  isPrimary: index === 0,
  version: 1,
  createdAt: AT,
  updatedAt: AT,
});

const seed = async (dynamo: DynamoDBDocumentClient, tableName: string, accounts: number) => {
  const items: Record<string, unknown>[] = [];
  for (let a = 0; a < accounts; a += 1) {
    const accountId = `bench-${a}`;
    items.push(
      toAccountItem({
        id: accountId,
        name: `Bench ${a} Ltd`,
        status: 'active',
        primaryContactId: `${accountId}-c0`,
        contractNumbers: [],
        hostedDomains: [],
        version: 1,
        createdAt: AT,
        updatedAt: AT,
      })
    );
    for (let c = 0; c < CONTACTS_PER_ACCOUNT; c += 1)
      items.push(toContactItem(contactOf(accountId, c)));
  }
  const batches: Record<string, unknown>[][] = [];
  for (let at = 0; at < items.length; at += 25) batches.push(items.slice(at, at + 25));
  const write = async (batch: Record<string, unknown>[]) => {
    let requests = batch.map((Item) => ({ PutRequest: { Item } }));
    while (requests.length) {
      const { UnprocessedItems } = await dynamo.send(
        new BatchWriteCommand({ RequestItems: { [tableName]: requests } })
      );
      requests = (UnprocessedItems?.[tableName] ?? []) as typeof requests;
    }
  };
  for (let at = 0; at < batches.length; at += 16)
    await Promise.all(batches.slice(at, at + 16).map(write));
};

const startConsumers = async (env: Record<string, string>, startAt: string) => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/fan-out-workers.ts', startAt], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  if (!chunk.toString().includes('ready')) throw new Error('fan-out workers did not start');
  return child;
};

const kill = async (child: ChildProcess) => {
  if (child.exitCode !== null) return;
  child.kill('SIGKILL');
  await once(child, 'exit');
};

interface StoredMail {
  messageId: string;
  destination: { to: string[] };
  subject: string;
  at: number;
}

/**
 * The emulator's mail with the run's tag, read incrementally: `/store`
 * whole is every mail ever received (tens of MB at 10,000), and serving it
 * ten times a second took the emulator's single thread from the sends it
 * measures. `since` (whole seconds) overlaps the last read; mail is keyed by
 * its message id and address (the emulator's ids are 9 random digits), so
 * the overlap counts once.
 */
const mailbox = (ses: string, tag: string) => {
  const seen = new Map<string, StoredMail>();
  let since = 0;
  return async (): Promise<StoredMail[]> => {
    const { emails } = (await (await fetch(`${ses}/store?since=${since}`)).json()) as {
      emails: StoredMail[];
    };
    for (const email of emails) {
      since = Math.max(since, email.at);
      if (email.subject.includes(tag))
        seen.set(`${email.messageId} ${email.destination.to.join()}`, email);
    }
    return [...seen.values()];
  };
};

/**
 * One run on its own database: seed, post a notice to everyone, and wait
 * until every recipient has mail (killing and restarting the consumers a
 * third of the way when `restart`).
 */
const measureRun = async (
  database: BenchDatabase,
  ses: { endpoint: string },
  { accounts, restart }: { accounts: number; restart: boolean },
  progress: (line: string) => void
): Promise<FanOutRun> => {
  const recipients = accounts * CONTACTS_PER_ACCOUNT;
  const client = new DynamoDBClient({
    region: LOCAL_REGION,
    endpoint: database.endpoint,
    credentials: LOCAL_CREDENTIALS,
  });
  const dynamo = DynamoDBDocumentClient.from(client);
  try {
    const label = restart ? 'consumers killed mid-way and restarted' : 'uninterrupted';
    const tableName = `portico-bench-fanout-${restart ? 'restart' : 'plain'}`;
    await ensureTable(client, tableName, { log: () => undefined, resetHint: 'in memory' });
    progress(`fan-out (${label}): seeding ${accounts} accounts × ${CONTACTS_PER_ACCOUNT} contacts`);
    await seed(dynamo, tableName, accounts);
    const env = functionEnv({
      region: LOCAL_REGION,
      tableName,
      dynamoEndpoint: database.endpoint,
      mailMaxSendRate: '10000',
      sesEndpoint: ses.endpoint,
    });
    env.AWS_ACCESS_KEY_ID = LOCAL_CREDENTIALS.accessKeyId;
    env.AWS_SECRET_ACCESS_KEY = LOCAL_CREDENTIALS.secretAccessKey;
    let consumers = await startConsumers(env, 'latest');
    const tag = `bench-${restart ? 'restart' : 'plain'}-${Date.now()}`;
    const started = performance.now();
    await dynamo.send(
      new PutCommand({
        TableName: tableName,
        ...createNoticePut({
          id: `01BENCH${restart ? 'RESTART' : 'PLAINXX'}000000000000`.slice(0, 26),
          category: 'general',
          scope: { everyone: true },
          subject: `Maintenance ${tag}`,
          text: 'Dear {name}, the servers of {account} restart tonight.',
          createdBy: 'bench',
          createdAt: new Date().toISOString(),
          status: 'accepted',
        }),
      })
    );
    let killedAt: number | undefined;
    const mailCount = mailbox(ses.endpoint, tag);
    let mails = await mailCount();
    while (new Set(mails.flatMap((m) => m.destination.to)).size < recipients) {
      if (performance.now() - started > TIMEOUT_MS) break;
      if (restart && killedAt === undefined && mails.length >= recipients / 3) {
        killedAt = mails.length;
        progress(`fan-out: killing the consumers at ${killedAt} mails, restarting them`);
        await kill(consumers);
        consumers = await startConsumers(env, 'trim-horizon');
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      mails = await mailCount();
    }
    const seconds = (performance.now() - started) / 1000;
    // Anything still on its way would be a duplicate: give it a moment to land.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    mails = await mailCount();
    await kill(consumers);
    const addresses = mails.flatMap((m) => m.destination.to);
    const unique = new Set(addresses);
    return {
      label,
      recipients,
      seconds: Math.round(seconds * 100) / 100,
      delivered: unique.size,
      duplicates: addresses.length - unique.size,
      missing: recipients - unique.size,
      ...(killedAt === undefined ? {} : { killedAt }),
    };
  } finally {
    dynamo.destroy();
  }
};

/**
 * Each run gets a DynamoDB Local of its own (`startDatabase`): one that
 * still held the first run's table and stream (44,000 items at 10,000
 * recipients), even once it was deleted, wrote some fifteen items a second.
 */
export const measureFanOut = async (
  startDatabase: () => Promise<BenchDatabase>,
  progress: (line: string) => void
): Promise<FanOutRun[]> => {
  const accounts = positiveIntFromEnv('BENCH_FANOUT_ACCOUNTS', 2000);
  const sesPort = await findFreePort();
  const ses = await startSes({ port: sesPort, timeoutMs: 60_000 });
  const runs: FanOutRun[] = [];
  try {
    for (const restart of [false, true]) {
      const database = await startDatabase();
      try {
        const run = await measureRun(database, ses, { accounts, restart }, progress);
        progress(`fan-out (${run.label}): ${run.delivered}/${run.recipients} in ${run.seconds} s`);
        runs.push(run);
      } finally {
        await database.stop();
      }
    }
  } finally {
    await ses.process.stop();
  }
  return runs;
};
