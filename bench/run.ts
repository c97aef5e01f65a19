/**
 * `npm run bench`: measures the performance budget of DESIGN.md in one run
 * (bundle sizes, cold import, handler overhead and DynamoDB calls per
 * request, the portal's script size and time to a usable dashboard), prints the tables, records them under bench/results/ and exits
 * non-zero when any budget is exceeded. Never part of `npm test`.
 *
 * Settings: BENCH_RUNS (cold imports per bundle, default 15), BENCH_WARMUP
 * (untimed overhead rounds, default 50), BENCH_ITERATIONS (timed overhead
 * rounds, default 300), BENCH_MEMORY_REQUESTS (requests per function in the
 * memory run, default 100).
 */
import { relative } from 'node:path';
import { PROJECT_ROOT } from '../lib/constructs/bundling.ts';
import { measureBundles } from './bundles.ts';
import { measureColdImports } from './cold-import.ts';
import { applyBenchEnv, benchEnv, startBenchDatabase } from './dynamodb-local.ts';
import { type FunctionMemoryResult, measureFunctionMemory } from './function-memory.ts';
import { renderFunctionMemoryMarkdown } from './function-memory-report.ts';
import { measureInbound } from './inbound.ts';
import { measureOverhead } from './overhead.ts';
import { measurePortalApart, renderPortalMarkdown } from './portal.ts';
import { type BenchSettings, createReport, renderMarkdown, writeReport } from './report.ts';
import { positiveIntFromEnv } from './stats.ts';

// Lambda runs Node 24: the SDK's warning about Node 20 support is noise in this process's output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const progress = (line: string): void => {
  process.stderr.write(`bench: ${line}\n`);
};

// Ctrl-C or a kill: exit through process.exit, whose hook (local/processes.ts) kills DynamoDB Local.
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => {
    progress(`${signal}, stopping`);
    process.exit(code);
  });
}

const main = async (): Promise<number> => {
  const settings: BenchSettings = {
    runs: positiveIntFromEnv('BENCH_RUNS', 15),
    warmup: positiveIntFromEnv('BENCH_WARMUP', 50),
    iterations: positiveIntFromEnv('BENCH_ITERATIONS', 300),
  };

  progress('building bundles with the CDK bundling options');
  const bundles = await measureBundles();

  progress(`timing cold imports (${settings.runs} runs per bundle, interleaved)`);
  const coldImport = await measureColdImports(bundles.baseline.file, bundles.files, settings.runs);

  progress('starting DynamoDB Local (in memory)');
  const database = await startBenchDatabase();
  let overhead: Awaited<ReturnType<typeof measureOverhead>>;
  let inbound: Awaited<ReturnType<typeof measureInbound>>;
  let memory: FunctionMemoryResult;
  try {
    applyBenchEnv(database);
    progress(
      `timing handlers against raw calls (${settings.warmup} + ${settings.iterations} rounds)`
    );
    overhead = await measureOverhead(settings);
    progress('timing inbound mail, 1 MB and 10 MB');
    inbound = await measureInbound(positiveIntFromEnv('BENCH_INBOUND_ROUNDS', 20));
    memory = await measureFunctionMemory({
      bundles: bundles.files,
      env: benchEnv(database),
      requests: positiveIntFromEnv('BENCH_MEMORY_REQUESTS', 100),
      progress,
    });
  } finally {
    await database.stop();
  }

  const portal = await measurePortalApart();
  const report = createReport({ settings, bundles, coldImport, overhead, inbound, memory });
  report.problems.push(...portal.problems);
  const markdown =
    renderMarkdown(report) + renderFunctionMemoryMarkdown(memory) + renderPortalMarkdown(portal);
  const file = await writeReport(report, markdown);
  process.stdout.write(markdown);
  progress(`wrote ${relative(PROJECT_ROOT, file)} and bench/results/latest.md`);
  return report.problems.length === 0 ? 0 : 1;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(2);
  }
);
