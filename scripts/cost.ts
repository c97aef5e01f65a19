/**
 * `npm run cost -- --accounts 1000`: the stage's monthly AWS cost for that
 * many active accounts, from the newest `npm run bench` results and the
 * usage model of docs/cost.md (bench/cost-model.ts does the arithmetic).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  type CostInput,
  type CostLine,
  monthlyCost,
  PRICES,
  type RouteFigures,
  type UsageModel,
} from '../bench/cost-model.ts';
import { ROUTES } from '../functions/routes.ts';
import { FUNCTION_MEMORY_MB } from '../lib/function-memory.ts';

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

/**
 * The metrics the prod templates' 42 alarms read (the 5xx share reads two), the topic key,
 * the two secrets (test/infra/monitoring.test.ts checks them).
 */
export const FIXED = { alarmMetrics: 43, kmsKeys: 1, secrets: 2 };

const LATEST = new URL('../bench/results/latest.json', import.meta.url);

interface ResultRoute {
  route: string;
  function?: string;
  duration?: { p50: number };
  handler?: { p50: number };
  reads?: number;
  writes?: number;
  readUnits?: number;
  writeUnits?: number;
  calls?: {
    reads: number;
    writes: number;
    capacity?: { readUnits: number; writeUnits: number };
  };
}

const functionOf = (routeKey: string): string | undefined =>
  ROUTES.find((route) => `${route.method} ${route.path}` === routeKey)?.function;

/**
 * A result's per-route figures: the memory run's (request time in the
 * bundle, calls and consumed units) or, in results from before it, the
 * in-process overhead run's. Each route carries its function's memory.
 */
export const routeFiguresOf = (results: {
  memory?: { routes: ResultRoute[] };
  overhead?: { routes: ResultRoute[] };
}): { source: 'memory' | 'overhead'; routes: RouteFigures[] } => {
  const source = results.memory?.routes.length ? 'memory' : 'overhead';
  const entries = (source === 'memory' ? results.memory?.routes : results.overhead?.routes) ?? [];
  const routes = entries.map((entry): RouteFigures => {
    const memoryMb = FUNCTION_MEMORY_MB[entry.function ?? functionOf(entry.route) ?? ''];
    const capacity = entry.calls?.capacity ?? {
      readUnits: entry.readUnits,
      writeUnits: entry.writeUnits,
    };
    return {
      route: entry.route,
      durationMs: entry.duration?.p50 ?? entry.handler?.p50 ?? 0,
      reads: entry.reads ?? entry.calls?.reads ?? 0,
      writes: entry.writes ?? entry.calls?.writes ?? 0,
      ...(memoryMb !== undefined && { memoryMb }),
      ...(capacity.readUnits !== undefined && { readUnits: capacity.readUnits }),
      ...(capacity.writeUnits !== undefined && { writeUnits: capacity.writeUnits }),
    };
  });
  return { source, routes };
};

/** bench/results/latest.json, which every `npm run bench` rewrites. */
const latestResults = () => {
  let text: string;
  try {
    text = readFileSync(LATEST, 'utf8');
  } catch {
    throw new Error('no bench/results/latest.json: run `npm run bench` first');
  }
  const results = JSON.parse(text);
  return { label: `${results.at?.slice(0, 10)} ${results.git?.sha}`, ...routeFiguresOf(results) };
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

const USAGE_LINE =
  'usage: npm run cost -- [--accounts N]... (monthly cost for N active accounts, 1000 by default; repeat for columns)';

/** The account counts asked for, or one usage line and exit 2 (no stack trace for a typo). */
const accountSizes = (): number[] => {
  try {
    const { values } = parseArgs({ options: { accounts: { type: 'string', multiple: true } } });
    const sizes = (values.accounts ?? ['1000']).map(Number);
    if (sizes.every((n) => Number.isInteger(n) && n >= 0)) return sizes;
  } catch {
    // An unknown option or a missing value: the usage line says what is taken.
  }
  console.error(USAGE_LINE);
  process.exit(2);
};

const main = () => {
  const sizes = accountSizes();
  const { label, source, routes: measured } = latestResults();
  const { routes, missing } = withBudgetFallback(measured, USAGE.routeMix);
  const stage = stageSettings();
  console.log(
    `figures: bench/results/latest.json (${label}), ${source === 'memory' ? 'request times in the bundles, units DynamoDB reported' : 'in-process handler times'}; prices read ${PRICES.lambdaGbSecond.read}`
  );
  if (missing.length > 0) console.log(`at the design budget (not measured): ${missing.join(', ')}`);
  const memory = measured.map((route) => `${route.route} ${route.memoryMb ?? stage.memoryMb} MB`);
  console.log(`memory: ${memory.join(', ')} (lib/function-memory.ts)`);
  console.log(
    `prod: ${stage.memoryMb} MB where a function has no size of its own, Cognito ${stage.featurePlan}\n`
  );
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
    // Nobody to share the cost with: a price per account means nothing there.
    results.map((r, at) => (sizes[at] === 0 ? 'n/a' : usd(r.perThousandAccounts)))
  );
  row(
    'SES (apart)',
    results.map((r) => usd(r.lines.ses))
  );
};

if (import.meta.url === `file://${process.argv[1]}`) main();
