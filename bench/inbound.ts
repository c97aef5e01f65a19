/**
 * Inbound mail: parse + route p50 of one mail of about 1 MB and 10 MB
 * (DESIGN.md: ≤ 20 ms and ≤ 200 ms), run in process against DynamoDB
 * Local, with the raw message and the attachments in a bucket held in
 * memory: S3's own transfer time is not the function's to spend. Each
 * round is a new mail (a new SES id). Two figures per round:
 * - parse + route, held to the budget: from the SES event until the mail's
 *   way is decided (duplicate check, raw read, parse, sender and thread
 *   lookups, the choice), which is when its first write starts;
 * - to the committed ticket, reported beside it: the ticket's files and
 *   its transaction added. DynamoDB Local spends about 2.5 ms per item in a
 *   transaction (docs/performance.md), whatever the mail's size.
 */
import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { BucketFiles } from '#core/platform/clients/bucket-files';
import { receiptEvent } from '../local/ses-receipt.ts';
import { INBOUND_BUDGETS_MS } from './budgets.ts';
import { roundSummary, type Summary, summarize } from './stats.ts';

export interface InboundSizeResult {
  label: string;
  bytes: number;
  parseAndRoute: Summary;
  /** The same rounds until the ticket's transaction returned. */
  toCommitted?: Summary;
  maxP50Ms: number;
  problems: string[];
}

const SENDER = 'inbound@bench.example';

/** A mail of about `bytes`: a text part of 64 KB and the rest as attachments of at most 3 MB. */
const mailOf = (bytes: number) => {
  const binary = Math.floor((bytes - 70_000) * 0.74);
  const parts = Math.ceil(binary / (3 * 1024 * 1024));
  return new MailComposer({
    from: `Bench <${SENDER}>`,
    to: 'support@bench.example',
    subject: 'Bench mail',
    text: 'The server does not answer.\n'.repeat(2_400),
    attachments: Array.from({ length: parts }, (_, n) => ({
      filename: `dump-${n}.bin`,
      content: Buffer.alloc(Math.floor(binary / parts), n + 1),
    })),
  })
    .compile()
    .build();
};

export const measureInbound = async (rounds: number): Promise<InboundSizeResult[]> => {
  const { provisionAccount } = await import('../functions/staff/provision.ts');
  const { tableStore } = await import('#core/table/function-store');
  const { readReceipt } = await import('../functions/inbound/event.ts');
  const { processInbound } = await import('../functions/inbound/process.ts');
  await provisionAccount(tableStore, {
    name: 'Inbound Bench Ltd',
    contractNumbers: [`I-${randomUUID().slice(0, 8)}`],
    primary: {
      firstName: 'Inbound',
      lastName: 'Bench',
      email: SENDER,
      phone: '+441632960001',
      address: { line1: '2 Bench Street', city: 'Leeds', postcode: 'LS1 1AA', country: 'GB' },
    },
    loginId: `bench-inbound-${randomUUID()}`,
    newLogin: true,
  });
  const objects = new Map<string, Buffer>();
  /** When the round's first write started: the mail's way was decided by then. */
  let decidedAt: number | undefined;
  const files: Pick<BucketFiles, 'getObject' | 'putObject'> = {
    getObject: async (key) => objects.get(key),
    putObject: async (key, body) => {
      decidedAt ??= performance.now();
      objects.set(key, body);
    },
  };
  const writesDecide =
    <T extends unknown[], R>(write: (...args: T) => Promise<R>) =>
    (...args: T) => {
      decidedAt ??= performance.now();
      return write(...args);
    };
  const store: typeof tableStore = {
    ...tableStore,
    put: writesDecide(tableStore.put.bind(tableStore)),
    update: writesDecide(tableStore.update.bind(tableStore)),
    delete: writesDecide(tableStore.delete.bind(tableStore)),
    transact: writesDecide(tableStore.transact.bind(tableStore)),
  };
  const deps = {
    store,
    files,
    supportAddress: 'support@bench.example',
    ownDomains: ['portico.example'],
    now: () => new Date(),
  };
  const results: InboundSizeResult[] = [];
  for (const [label, bytes] of [
    ['1 MB', 1_000_000],
    ['10 MB', 10_000_000],
  ] as const) {
    const raw = await mailOf(bytes);
    const samples: number[] = [];
    const committed: number[] = [];
    for (let round = 0; round < rounds + 3; round++) {
      const event = receiptEvent({
        messageId: randomUUID().replaceAll('-', ''),
        raw,
        envelopeSender: SENDER,
        recipients: ['support@bench.example'],
        verdicts: { spf: 'PASS', dkim: 'PASS', dmarc: 'PASS' },
        at: new Date(),
      });
      const mail = event.Records?.[0] && readReceipt(event.Records[0]);
      if (!mail) throw new Error('bench built an unreadable SES event');
      objects.set(mail.rawKey, raw);
      decidedAt = undefined;
      const started = performance.now();
      const result = await processInbound(deps, mail);
      const ended = performance.now();
      if (result.outcome !== 'opened' || decidedAt === undefined)
        throw new Error(`bench mail was ${result.outcome}: ${result.reason}`);
      objects.clear();
      if (round >= 3) {
        samples.push(decidedAt - started);
        committed.push(ended - started);
      }
    }
    const summary = roundSummary(summarize(samples));
    const maxP50Ms = INBOUND_BUDGETS_MS[label];
    results.push({
      label,
      bytes: raw.length,
      parseAndRoute: summary,
      toCommitted: roundSummary(summarize(committed)),
      maxP50Ms,
      problems:
        summary.p50 > maxP50Ms
          ? [`inbound ${label}: parse + route p50 ${summary.p50} ms exceeds ${maxP50Ms} ms`]
          : [],
    });
  }
  return results;
};
