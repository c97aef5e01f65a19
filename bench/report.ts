/**
 * Turns one bench run into the committed records: a JSON file per run
 * (`bench/results/<UTC date>-<short sha>.json`) and `bench/results/latest.md`,
 * whose tables are also what `npm run bench` prints.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { PROJECT_ROOT } from '../lib/constructs/bundling.ts';
import { CALLS_PER_REQUEST, COLD_IMPORT_MAX_RATIO, HANDLER_OVERHEAD_MAX_RATIO } from './budgets.ts';
import type { BundlesOutcome } from './bundles.ts';
import type { ColdImportResult } from './cold-import.ts';
import type { FunctionMemoryResult } from './function-memory.ts';
import type { InboundSizeResult } from './inbound.ts';
import type { OverheadResult } from './overhead.ts';
import { formatKb, formatMs, formatRatio, type Summary } from './stats.ts';

export const RESULTS_DIR = `${PROJECT_ROOT}bench/results`;

export interface BenchSettings {
  runs: number;
  warmup: number;
  iterations: number;
}

export interface BenchReport {
  at: string;
  git: { sha: string; dirty: boolean };
  /** loadAverage: 1, 5 and 15 minute load when the run ended; a busy machine widens the spread. */
  machine: { node: string; platform: string; cpus: number; loadAverage: number[] };
  settings: BenchSettings;
  bundles: {
    baseline: { bytes: number; topPackages: { name: string; bytes: number }[] };
    functions: BundlesOutcome['results'];
  };
  coldImport: ColdImportResult;
  overhead: OverheadResult;
  inbound: InboundSizeResult[];
  /** Peak memory and duration per function, DynamoDB capacity per route; absent in older results. */
  memory?: FunctionMemoryResult;
  /** Every exceeded budget, one line each; empty when the run passes. */
  problems: string[];
}

const git = (args: string[]): string | undefined => {
  try {
    return execFileSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8', stdio: 'pipe' }).trim();
  } catch {
    return undefined;
  }
};

export const gitState = (): BenchReport['git'] => {
  const sha = git(['rev-parse', '--short', 'HEAD']);
  if (!sha) return { sha: 'nogit', dirty: false };
  return { sha, dirty: (git(['status', '--porcelain']) ?? '') !== '' };
};

export const createReport = (parts: {
  settings: BenchSettings;
  bundles: BundlesOutcome;
  coldImport: ColdImportResult;
  overhead: OverheadResult;
  inbound: InboundSizeResult[];
  memory: FunctionMemoryResult;
}): BenchReport => ({
  at: new Date().toISOString(),
  git: gitState(),
  machine: {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    loadAverage: loadavg().map((load) => Math.round(load * 100) / 100),
  },
  settings: parts.settings,
  bundles: {
    baseline: {
      bytes: parts.bundles.baseline.bytes,
      topPackages: parts.bundles.baseline.packages.slice(0, 6),
    },
    functions: parts.bundles.results,
  },
  coldImport: parts.coldImport,
  overhead: parts.overhead,
  inbound: parts.inbound,
  memory: parts.memory,
  problems: [
    ...parts.bundles.results.flatMap((r) => r.problems),
    ...parts.coldImport.functions.flatMap((f) => f.problems),
    ...parts.overhead.routes.flatMap((r) => r.problems),
    ...parts.inbound.flatMap((r) => r.problems),
    ...parts.memory.functions.flatMap((f) => f.problems),
  ],
});

const verdict = (problems: string[]): string => (problems.length === 0 ? 'ok' : '**over**');
const row = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`;
const header = (cells: string[]): string[] => [row(cells), row(cells.map(() => '---'))];
const packagesList = (packages: { name: string; bytes: number }[], count = 3): string =>
  packages
    .slice(0, count)
    .map((p) => `${p.name} ${formatKb(p.bytes)}`)
    .join(', ');
const signedMs = (ms: number): string => `${ms >= 0 ? '+' : '−'}${formatMs(Math.abs(ms))}`;
const p50p95 = (s: Summary): string => `${formatMs(s.p50)} / ${formatMs(s.p95)}`;

const bundleTable = (report: BenchReport): string[] => [
  ...header(['function', 'kind', 'size', 'budget', 'mail parsing', 'largest packages', 'result']),
  ...report.bundles.functions.map((b) =>
    row([
      b.name,
      b.kind,
      formatKb(b.bytes),
      `≤ ${formatKb(b.maxBytes)}`,
      b.mailParsing.length ? b.mailParsing.join(', ') : 'none',
      packagesList(b.topPackages),
      verdict(b.problems),
    ])
  ),
  row([
    '_baseline_',
    'DynamoDB document client only',
    formatKb(report.bundles.baseline.bytes),
    '',
    'none',
    packagesList(report.bundles.baseline.topPackages),
    '',
  ]),
];

const coldImportTable = (report: BenchReport): string[] => [
  ...header(['bundle', 'p50 / p95', 'min … max', '÷ baseline p50', 'budget', 'result']),
  row([
    '_baseline_',
    p50p95(report.coldImport.baseline),
    `${formatMs(report.coldImport.baseline.min)} … ${formatMs(report.coldImport.baseline.max)}`,
    '1.00×',
    '',
    '',
  ]),
  ...report.coldImport.functions.map((f) =>
    row([
      f.name,
      p50p95(f.summary),
      `${formatMs(f.summary.min)} … ${formatMs(f.summary.max)}`,
      formatRatio(f.ratio),
      `≤ ${formatRatio(COLD_IMPORT_MAX_RATIO)}`,
      verdict(f.problems),
    ])
  ),
];

const overheadTable = (report: BenchReport): string[] => [
  ...header([
    'route',
    'handler p50 / p95',
    'raw calls p50 / p95',
    'handler ÷ raw p50',
    'DynamoDB calls (reads, writes, scans)',
    'result',
  ]),
  ...report.overhead.routes.map((r) =>
    row([
      `\`${r.route}\``,
      p50p95(r.handler),
      p50p95(r.raw),
      `${formatRatio(r.ratio)}, ${signedMs(r.handler.p50 - r.raw.p50)} (≤ ${formatRatio(HANDLER_OVERHEAD_MAX_RATIO)})`,
      `${r.calls.reads}, ${r.calls.writes}, ${r.calls.scans} (≤ ${CALLS_PER_REQUEST.reads}, ${CALLS_PER_REQUEST.writes}, ${CALLS_PER_REQUEST.scans}): ${r.calls.commands.join(', ')}`,
      verdict(r.problems),
    ])
  ),
];

export const renderMarkdown = (report: BenchReport): string => {
  const { settings, machine } = report;
  const lines = [
    `### Bench ${report.at.slice(0, 10)}, commit ${report.git.sha}${report.git.dirty ? ' (uncommitted changes)' : ''}`,
    '',
    `Node ${machine.node}, ${machine.platform}, ${machine.cpus} CPUs, load average ${machine.loadAverage.join(' / ')}. Cold import: ${settings.runs} runs per bundle. Handler overhead: ${settings.warmup} warm-up + ${settings.iterations} timed rounds.`,
    '',
    '**Bundle size** (minified `index.mjs`, KB = 1024 bytes)',
    '',
    ...bundleTable(report),
    '',
    '**Cold import** (fresh `node`, time of `await import(bundle)`)',
    '',
    ...coldImportTable(report),
    '',
    '**Handler overhead** (in process against DynamoDB Local)',
    '',
    ...overheadTable(report),
    '',
    '**Inbound mail** (in process against DynamoDB Local; parse + route ends where the first write starts)',
    '',
    ...header([
      'mail',
      'bytes',
      'parse + route p50 / p95',
      'budget p50',
      '',
      'to committed ticket p50 / p95',
    ]),
    ...report.inbound.map((r) =>
      row([
        r.label,
        r.bytes,
        p50p95(r.parseAndRoute),
        formatMs(r.maxP50Ms),
        verdict(r.problems),
        r.toCommitted ? p50p95(r.toCommitted) : '—',
      ])
    ),
    '',
    report.problems.length === 0
      ? '**Result: every budget met.**'
      : `**Result: ${report.problems.length} budget(s) exceeded.**`,
    ...report.problems.map((problem) => `- ${problem}`),
    '',
  ];
  return lines.join('\n');
};

/** Writes the JSON record, its copy latest.json (what `npm run cost` reads) and latest.md; returns the JSON file's path. */
export const writeReport = async (report: BenchReport, markdown: string): Promise<string> => {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = `${RESULTS_DIR}/${report.at.slice(0, 10)}-${report.git.sha}.json`;
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(`${RESULTS_DIR}/latest.json`, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(`${RESULTS_DIR}/latest.md`, markdown);
  return file;
};
