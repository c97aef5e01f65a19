/**
 * Monthly AWS cost of one stage from measured per-route figures (bench
 * results: request time, DynamoDB calls and consumed units per request,
 * the memory of the function serving it) and the
 * usage model of docs/cost.md. Pure arithmetic: scripts/cost.ts feeds it.
 */

/** List prices, us-east-1, arm64 Lambda; each with the date it was read (docs/cost.md). */
export const PRICES = {
  lambdaGbSecond: { usd: 0.0000133334, read: '2026-09' },
  lambdaRequestPerMillion: { usd: 0.2, read: '2026-09' },
  httpApiPerMillion: { usd: 1.0, read: '2026-09' },
  dynamoReadPerMillion: { usd: 0.125, read: '2026-09' },
  dynamoWritePerMillion: { usd: 0.625, read: '2026-09' },
  dynamoStorageGbMonth: { usd: 0.25, read: '2026-09' },
  dynamoPitrGbMonth: { usd: 0.2, read: '2026-09' },
  logsIngestPerGb: { usd: 0.5, read: '2026-09' },
  alarmPerMonth: { usd: 0.1, read: '2026-09' },
  kmsKeyPerMonth: { usd: 1.0, read: '2026-09' },
  secretPerMonth: { usd: 0.4, read: '2026-09' },
  /** Per monthly active user beyond the free 10,000 (Lite, Essentials); Plus has no free tier. */
  cognitoLitePerMau: { usd: 0.0055, read: '2026-09-20' },
  cognitoEssentialsPerMau: { usd: 0.015, read: '2026-09-20' },
  cognitoPlusPerMau: { usd: 0.02, read: '2026-09-20' },
  sesPerThousand: { usd: 0.1, read: '2026-09' },
} as const;

export const COGNITO_FREE_MAU = 10_000;

/** One route's measured figures (bench/function-memory.ts; older results: bench/overhead.ts). */
export interface RouteFigures {
  route: string;
  /** Request time, ms (the bundle against DynamoDB Local: the stand-in for Lambda duration). */
  durationMs: number;
  /** Memory of the function serving it (lib/function-memory.ts); else CostInput.memoryMb. */
  memoryMb?: number;
  reads: number;
  writes: number;
  /** Units DynamoDB reported (ReturnConsumedCapacity); absent in older results. */
  readUnits?: number;
  writeUnits?: number;
}

export interface UsageModel {
  /** API requests per active account per day. */
  requestsPerAccountDay: number;
  /** Share of requests per route; routes missing from the figures are skipped. */
  routeMix: Record<string, number>;
  /** Monthly active logins per active account (Cognito bills each once a month). */
  loginsPerAccountMonth: number;
  /** Mails sent per active account per month (notices, tickets, invoices, security). */
  mailsPerAccountMonth: number;
  /** Stored bytes per account (items, indexes, messages). */
  bytesPerAccount: number;
  /** Log bytes written per request (two JSON lines and the access log). */
  logBytesPerRequest: number;
  /** Write units per write call where the bench measured none: transactions cost two per item. */
  writeUnitsPerWrite: number;
  /** Read units per read call where the bench measured none. */
  readUnitsPerRead: number;
}

export interface Fixed {
  /** What CloudWatch bills an alarm by: each metric it reads (a math alarm over two counts two). */
  alarmMetrics: number;
  kmsKeys: number;
  secrets: number;
}

export interface CostInput {
  accounts: number;
  usage: UsageModel;
  routes: RouteFigures[];
  /** The stage's size, for a route whose function has none of its own. */
  memoryMb: number;
  featurePlan: 'lite' | 'essentials' | 'plus';
  fixed: Fixed;
}

export type CostLine =
  | 'lambda'
  | 'httpApi'
  | 'dynamodb'
  | 'cognito'
  | 'logs'
  | 'monitoring'
  | 'secrets'
  | 'ses';

export interface CostResult {
  requestsPerMonth: number;
  lines: Record<CostLine, number>;
  /** Everything but SES, which scales with what the operator mails. */
  totalWithoutSes: number;
  perThousandAccounts: number;
}

const DAYS_PER_MONTH = 30;
const perMillion = (count: number, price: { usd: number }) => (count / 1e6) * price.usd;

/** The mix's weighted figures per request; weights are renormalised over the measured routes. */
export const perRequest = (routes: RouteFigures[], mix: Record<string, number>) => {
  const measured = routes.filter((route) => (mix[route.route] ?? 0) > 0);
  const weight = measured.reduce((sum, route) => sum + (mix[route.route] ?? 0), 0);
  if (weight === 0) throw new Error('the route mix names no measured route');
  const avg = (pick: (route: RouteFigures) => number) =>
    measured.reduce((sum, route) => sum + pick(route) * (mix[route.route] ?? 0), 0) / weight;
  return {
    durationMs: avg((route) => route.durationMs),
    /** Lambda bills each request's duration in 1 ms steps, at its function's memory. */
    gbSeconds: (memoryMb: number) =>
      avg((route) => (Math.ceil(route.durationMs) / 1000) * ((route.memoryMb ?? memoryMb) / 1024)),
    reads: avg((route) => route.reads),
    writes: avg((route) => route.writes),
    readUnits: (perRead: number) => avg((route) => route.readUnits ?? route.reads * perRead),
    writeUnits: (perWrite: number) => avg((route) => route.writeUnits ?? route.writes * perWrite),
  };
};

export const cognitoCost = (mau: number, plan: CostInput['featurePlan']): number => {
  if (plan === 'plus') return mau * PRICES.cognitoPlusPerMau.usd;
  const price = plan === 'lite' ? PRICES.cognitoLitePerMau : PRICES.cognitoEssentialsPerMau;
  return Math.max(0, mau - COGNITO_FREE_MAU) * price.usd;
};

export const monthlyCost = (input: CostInput): CostResult => {
  const { accounts, usage } = input;
  const requests = accounts * usage.requestsPerAccountDay * DAYS_PER_MONTH;
  const avg = perRequest(input.routes, usage.routeMix);
  const gbSeconds = requests * avg.gbSeconds(input.memoryMb);
  const storageGb = (accounts * usage.bytesPerAccount) / 1e9;
  const lines: Record<CostLine, number> = {
    lambda:
      gbSeconds * PRICES.lambdaGbSecond.usd + perMillion(requests, PRICES.lambdaRequestPerMillion),
    httpApi: perMillion(requests, PRICES.httpApiPerMillion),
    dynamodb:
      perMillion(requests * avg.readUnits(usage.readUnitsPerRead), PRICES.dynamoReadPerMillion) +
      perMillion(
        requests * avg.writeUnits(usage.writeUnitsPerWrite),
        PRICES.dynamoWritePerMillion
      ) +
      storageGb * (PRICES.dynamoStorageGbMonth.usd + PRICES.dynamoPitrGbMonth.usd),
    cognito: cognitoCost(accounts * usage.loginsPerAccountMonth, input.featurePlan),
    logs: ((requests * usage.logBytesPerRequest) / 1e9) * PRICES.logsIngestPerGb.usd,
    monitoring:
      input.fixed.alarmMetrics * PRICES.alarmPerMonth.usd +
      input.fixed.kmsKeys * PRICES.kmsKeyPerMonth.usd,
    secrets: input.fixed.secrets * PRICES.secretPerMonth.usd,
    ses: ((accounts * usage.mailsPerAccountMonth) / 1000) * PRICES.sesPerThousand.usd,
  };
  const totalWithoutSes = Object.entries(lines)
    .filter(([line]) => line !== 'ses')
    .reduce((sum, [, usd]) => sum + usd, 0);
  return {
    requestsPerMonth: requests,
    lines,
    totalWithoutSes,
    perThousandAccounts: accounts > 0 ? (totalWithoutSes / accounts) * 1000 : 0,
  };
};
