/**
 * Memory and duration per function, and DynamoDB capacity per route.
 *
 * Each API function's bundle (the one the CDK deploys) is imported in a
 * fresh `node` and serves `requests` requests one after another against
 * DynamoDB Local. The child reports its resident set before the import,
 * after it, and at its peak (VmHWM of /proc/self/status, the kernel's
 * high-water mark of its own address space), the V8 heap's peak, and each
 * request's time. Lambda's "Max
 * Memory Used" is the peak of the whole sandbox, so the child's peak RSS
 * stands in for it: an approximation (x64 Node 20 here, arm64 Node 24 in
 * Lambda, without the runtime interface client's few MB).
 *
 * Capacity: one more request per route in this process, through the
 * shared document client whose middleware (dynamo-calls.ts) asks for
 * `ReturnConsumedCapacity: TOTAL` and sums what DynamoDB reports.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { ROUTES } from '../functions/routes.ts';
import { FUNCTION_MEMORY_MB, MEMORY_HEADROOM } from '../lib/function-memory.ts';
import { invoke, type LambdaHandler, statusOf } from './api-event.ts';
import { type BenchAccount, provisionBenchAccount } from './bench-account.ts';
import { FUNCTION_REQUESTS, requestsFor } from './function-requests.ts';
import { roundSummary, type Summary, summarize } from './stats.ts';

const run = promisify(execFile);
const MB = 1024 * 1024;
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

/** Runs in the child: argv[1] the bundle's URL, argv[2] the requests file. */
const CHILD_SCRIPT = `
import { readFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
const calls = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const rssBeforeImport = process.memoryUsage().rss;
const { handler } = await import(process.argv[1]);
const rssAfterImport = process.memoryUsage().rss;
let heapPeak = getHeapStatistics().used_heap_size;
const results = [];
for (const { route, event, context } of calls) {
  const started = performance.now();
  const result = await handler(event, { ...context, getRemainingTimeInMillis: () => 10000 });
  results.push({ route, ms: performance.now() - started, status: result?.statusCode });
  heapPeak = Math.max(heapPeak, getHeapStatistics().used_heap_size);
}
// VmHWM: this address space's own peak. maxRSS would carry the parent's over fork and exec.
const hwm = /VmHWM:\\s+(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
const peakRss = hwm ? Number(hwm[1]) * 1024 : Math.max(rssAfterImport, process.memoryUsage().rss);
process.stdout.write(JSON.stringify({ rssBeforeImport, rssAfterImport, peakRss, heapPeak, results }) + '\\n');
process.exit(0);
`;

interface ChildReport {
  rssBeforeImport: number;
  rssAfterImport: number;
  peakRss: number;
  heapPeak: number;
  results: { route: string; ms: number; status?: number }[];
}

export interface FunctionMemoryEntry {
  name: string;
  requests: number;
  /** MB: a bare `node`, after the bundle's import, the peak over every request. */
  rssBeforeImportMb: number;
  rssAfterImportMb: number;
  peakRssMb: number;
  heapPeakMb: number;
  /** The first request (lazy schemas and clients) apart, then the rest. */
  firstRequestMs: number;
  duration: Summary;
  /** FUNCTION_MEMORY_MB (lib/function-memory.ts), or undefined when the stage's size applies. */
  configuredMb?: number;
  problems: string[];
}

export interface RouteCostEntry {
  route: string;
  function: string;
  /** Warm request time in the function's bundle, p50 / p95 (ms). */
  duration: Summary;
  reads: number;
  writes: number;
  readUnits: number;
  writeUnits: number;
}

export interface FunctionMemoryResult {
  requestsPerFunction: number;
  headroom: number;
  functions: FunctionMemoryEntry[];
  routes: RouteCostEntry[];
}

/** `METHOD /path`, as the cost model's route mix names routes. */
const routeKeyOf = (routeId: string): string => {
  const route = ROUTES.find((candidate) => candidate.id === routeId);
  return route ? `${route.method} ${route.path}` : routeId;
};

const tail = (text: string, lines = 12): string => text.trim().split('\n').slice(-lines).join('\n');

const runChild = async (
  bundle: string,
  callsFile: string,
  env: Record<string, string>
): Promise<ChildReport> => {
  const { stdout } = await run(
    process.execPath,
    ['--input-type=module', '-e', CHILD_SCRIPT, pathToFileURL(bundle).href, callsFile],
    { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 300_000, maxBuffer: 64 * MB }
  ).catch((error: Error & { stderr?: string }) => {
    throw new Error(`running ${bundle} failed: ${tail(error.stderr ?? '') || error.message}`);
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ChildReport;
};

const judge = (entry: Omit<FunctionMemoryEntry, 'problems'>, unexpected: string[]) => {
  const problems = [...unexpected];
  const needed = entry.peakRssMb * MEMORY_HEADROOM;
  if (entry.configuredMb !== undefined && needed > entry.configuredMb) {
    problems.push(
      `${entry.name}: peak ${entry.peakRssMb} MB × ${MEMORY_HEADROOM} exceeds its ${entry.configuredMb} MB (lib/function-memory.ts)`
    );
  }
  return problems;
};

/** One request per route in this process, its DynamoDB calls and units counted. */
const countRoutes = async (account: BenchAccount) => {
  const counter = await import('./dynamo-calls.ts');
  counter.installCallCounter();
  const counts = new Map<string, ReturnType<typeof counter.countCalls>>();
  for (const [name, requests] of Object.entries(FUNCTION_REQUESTS)) {
    const module = (await import(`../functions/${name}/handler.ts`)) as { handler: LambdaHandler };
    for (const request of requests) {
      counter.resetCalls();
      const result = await invoke(module.handler, request.build(account, 1_000_000));
      if (statusOf(result) !== request.status)
        throw new Error(`${request.routeId} answered ${statusOf(result)} in the capacity count`);
      counts.set(request.routeId, counter.countCalls());
    }
  }
  return counts;
};

export const measureFunctionMemory = async (options: {
  bundles: Map<string, string>;
  env: Record<string, string>;
  requests: number;
  progress: (line: string) => void;
}): Promise<FunctionMemoryResult> => {
  const account = await provisionBenchAccount();
  const dir = await mkdtemp(join(tmpdir(), 'portico-bench-memory-'));
  const functions: FunctionMemoryEntry[] = [];
  const durations = new Map<string, { fn: string; ms: number[] }>();
  try {
    for (const name of Object.keys(FUNCTION_REQUESTS)) {
      const bundle = options.bundles.get(name);
      if (!bundle) throw new Error(`no bundle for ${name}`);
      options.progress(`memory: ${name} (${options.requests} requests in a fresh node)`);
      const calls = requestsFor(name, account, options.requests);
      const file = join(dir, `${name}.json`);
      await writeFile(
        file,
        JSON.stringify(calls.map(({ request, call }) => ({ route: request.routeId, ...call })))
      );
      const report = await runChild(bundle, file, options.env);
      const unexpected = report.results.flatMap((result, index) => {
        const expected = calls[index]?.request.status;
        return result.status === expected
          ? []
          : [`${name}: ${result.route} answered ${result.status} (expected ${expected})`];
      });
      for (const result of report.results.slice(1)) {
        const bucket = durations.get(result.route) ?? { fn: name, ms: [] };
        bucket.ms.push(result.ms);
        durations.set(result.route, bucket);
      }
      const warm = report.results.slice(1).map((result) => result.ms);
      const entry = {
        name,
        requests: report.results.length,
        rssBeforeImportMb: mb(report.rssBeforeImport),
        rssAfterImportMb: mb(report.rssAfterImport),
        peakRssMb: mb(report.peakRss),
        heapPeakMb: mb(report.heapPeak),
        firstRequestMs: Math.round((report.results[0]?.ms ?? 0) * 100) / 100,
        duration: roundSummary(summarize(warm)),
        configuredMb: FUNCTION_MEMORY_MB[name],
      };
      functions.push({ ...entry, problems: judge(entry, [...new Set(unexpected)].slice(0, 3)) });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const counts = await countRoutes(account);
  const routes = [...durations].map(([routeId, { fn, ms }]): RouteCostEntry => {
    const calls = counts.get(routeId);
    return {
      route: routeKeyOf(routeId),
      function: fn,
      duration: roundSummary(summarize(ms)),
      reads: calls?.reads ?? 0,
      writes: calls?.writes ?? 0,
      readUnits: calls?.capacity.readUnits ?? 0,
      writeUnits: calls?.capacity.writeUnits ?? 0,
    };
  });
  return { requestsPerFunction: options.requests, headroom: MEMORY_HEADROOM, functions, routes };
};
