/**
 * `npm run cost -- --accounts 1000`: the stage's monthly AWS cost for that
 * many active accounts, from the newest `npm run bench` results and the
 * usage model of docs/cost.md (bench/cost-model.ts does the arithmetic).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  type CostInput,
  type CostLine,
  monthlyCost,
  PRICES,
  type RouteFigures,
  type UsageModel,
} from '../bench/cost-model.ts';

/** The usage model docs/cost.md states; change both together. */
export const USAGE: UsageModel = {
  requestsPerAccountDay: 20,
  routeMix: {
    'GET /me': 0.3,
    'GET /accounts/{accountId}': 0.4,
    'PATCH /accounts/{accountId}': 0.2,
    'POST /accounts/{accountId}/tickets': 0.1,
  },
  loginsPerAccountMonth: 1.5,
  mailsPerAccountMonth: 10,
  bytesPerAccount: 200_000,
  logBytesPerRequest: 1_500,
  writeUnitsPerWrite: 2,
  readUnitsPerRead: 1,
};

/** Alarms (API stack and the stateful stack's trigger), the two topic keys, the two secrets. */
export const FIXED = { alarms: 36, kmsKeys: 2, secrets: 2 };

const RESULTS = new URL('../bench/results/', import.meta.url);

/** The newest bench results with per-route figures (fan-out results have none). */
const newestRouteFigures = (): { file: string; routes: RouteFigures[] } => {
  const files = readdirSync(RESULTS)
    .filter((name) => /^\d{4}-\d{2}-\d{2}-[0-9a-f]+\.json$/.test(name))
    .sort();
  const file = files.at(-1);
  if (!file) throw new Error('no bench results: run `npm run bench` first');
  const results = JSON.parse(readFileSync(new URL(file, RESULTS), 'utf8'));
  const routes = (results.overhead?.routes ?? []).map(
    (entry: {
      route: string;
      handler: { p50: number };
      calls: {
        reads: number;
        writes: number;
        capacity?: { readUnits: number; writeUnits: number };
      };
    }) => ({
      route: entry.route,
      durationMs: entry.handler.p50,
      reads: entry.calls.reads,
      writes: entry.calls.writes,
      ...(entry.calls.capacity && {
        readUnits: entry.calls.capacity.readUnits,
        writeUnits: entry.calls.capacity.writeUnits,
      }),
    })
  );
  return { file, routes };
};

/**
 * Routes of the mix the bench does not measure yet count at the design's
 * budget (reads 2, writes 3) and twice the slowest measured time.
 */
export const withBudgetFallback = (measured: RouteFigures[], mix: Record<string, number>) => {
  const slowest = Math.max(...measured.map((route) => route.durationMs));
  const missing = Object.keys(mix).filter((route) => !measured.some((m) => m.route === route));
  return {
    routes: [
      ...measured,
      ...missing.map((route) => ({ route, durationMs: 2 * slowest, reads: 2, writes: 3 })),
    ],
    missing,
  };
};

const stageSettings = () => {
  const context = JSON.parse(readFileSync(new URL('../cdk.json', import.meta.url), 'utf8')).context[
    'portico:stages'
  ].prod;
  return {
    memoryMb: context.lambda.memoryMb as number,
    featurePlan: context.userPool.featurePlan as CostInput['featurePlan'],
  };
};

const main = () => {
  const { values } = parseArgs({ options: { accounts: { type: 'string', multiple: true } } });
  const sizes = (values.accounts ?? ['1000']).map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 0)) throw new Error('--accounts N (N ≥ 0)');
  const { file, routes: measured } = newestRouteFigures();
  const { routes, missing } = withBudgetFallback(measured, USAGE.routeMix);
  const stage = stageSettings();
  console.log(`figures: bench/results/${file}; prices read ${PRICES.lambdaGbSecond.read}`);
  if (missing.length > 0) console.log(`at the design budget (not measured): ${missing.join(', ')}`);
  console.log(`prod: ${stage.memoryMb} MB, Cognito ${stage.featurePlan}\n`);
  const lines: CostLine[] = ['lambda', 'httpApi', 'dynamodb', 'cognito', 'logs', 'monitoring'];
  const results = sizes.map((accounts) =>
    monthlyCost({ accounts, usage: USAGE, routes, ...stage, fixed: FIXED })
  );
  const usd = (n: number) => `$${n.toFixed(2)}`;
  const row = (label: string, cells: string[]) =>
    console.log(`| ${label.padEnd(26)} | ${cells.map((c) => c.padStart(12)).join(' | ')} |`);
  row('accounts', sizes.map(String));
  row(
    '---',
    sizes.map(() => '---')
  );
  row(
    'requests / month',
    results.map((r) => r.requestsPerMonth.toLocaleString('en'))
  );
  for (const line of [...lines, 'secrets' as const]) {
    row(
      line,
      results.map((r) => usd(r.lines[line]))
    );
  }
  row(
    'total without SES',
    results.map((r) => usd(r.totalWithoutSes))
  );
  row(
    'per 1,000 accounts',
    results.map((r) => usd(r.perThousandAccounts))
  );
  row(
    'SES (apart)',
    results.map((r) => usd(r.lines.ses))
  );
};

if (import.meta.url === `file://${process.argv[1]}`) main();
