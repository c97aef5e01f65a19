/**
 * Cold import: how long a fresh Node.js process takes to `await import()` a
 * bundle, timed inside the child with performance.now() so process start-up
 * is left out. Runs are interleaved (every round imports every bundle, in a
 * rotating order) so machine noise hits the baseline and the functions alike.
 */
import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { COLD_IMPORT_MAX_RATIO } from './budgets.ts';
import { functionEnv } from './function-env.ts';
import { formatRatio, ratio, roundSummary, type Summary, summarize } from './stats.ts';

const run = promisify(execFile);

/** Printed by the child: one JSON line with the import time. */
const CHILD_SCRIPT = [
  'const started = performance.now();',
  'await import(process.argv[1]);',
  'const ms = performance.now() - started;',
  'process.stdout.write(JSON.stringify({ ms }) + "\\n");',
  'process.exit(0);',
].join('\n');

/** A clean environment: PATH and what the functions read, nothing from this process. */
export const importEnv = (): Record<string, string> => ({
  PATH: process.env.PATH ?? '',
  ...functionEnv(),
});

/** The end of a failed child's stderr: enough to see the error, not the minified source. */
const tail = (text: string, lines = 12): string => text.trim().split('\n').slice(-lines).join('\n');

/** Imports `file` in a fresh `node` and returns the time the import took, in ms. */
export const timeImport = async (file: string, env: Record<string, string>): Promise<number> => {
  const url = pathToFileURL(file).href;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', CHILD_SCRIPT, url], {
    env,
    timeout: 60_000,
  }).catch((error: Error & { stderr?: string }) => {
    throw new Error(`importing ${file} failed: ${tail(error.stderr ?? '') || error.message}`);
  });
  const line = stdout.trim().split('\n').at(-1) ?? '';
  const parsed = JSON.parse(line) as { ms?: unknown };
  if (typeof parsed.ms !== 'number') throw new Error(`unexpected child output: ${stdout}`);
  return parsed.ms;
};

export interface ColdImportEntry {
  name: string;
  summary: Summary;
  /** p50 ÷ baseline p50. */
  ratio: number;
  problems: string[];
}

export interface ColdImportResult {
  runs: number;
  baseline: Summary;
  functions: ColdImportEntry[];
}

/**
 * One discarded warm-up round (page cache, lazy disk reads), then `runs`
 * rounds. Round r starts at bundle r mod n, so no bundle is always first.
 */
export const measureColdImports = async (
  baselineFile: string,
  functionFiles: Map<string, string>,
  runs: number
): Promise<ColdImportResult> => {
  const env = importEnv();
  const bundles: [string, string][] = [['baseline', baselineFile], ...functionFiles];
  const samples = new Map<string, number[]>(bundles.map(([name]) => [name, []]));
  for (let round = -1; round < runs; round++) {
    for (let i = 0; i < bundles.length; i++) {
      const [name, file] = bundles[(Math.max(round, 0) + i) % bundles.length] as [string, string];
      const ms = await timeImport(file, env);
      if (round >= 0) samples.get(name)?.push(ms);
    }
  }
  const baseline = summarize(samples.get('baseline') ?? []);
  const functions = [...functionFiles.keys()].map((name): ColdImportEntry => {
    const summary = summarize(samples.get(name) ?? []);
    const value = ratio(summary.p50, baseline.p50);
    const problems =
      value > COLD_IMPORT_MAX_RATIO
        ? [
            `${name}: cold import p50 is ${formatRatio(value)} the baseline (budget ${formatRatio(COLD_IMPORT_MAX_RATIO)})`,
          ]
        : [];
    return { name, summary: roundSummary(summary), ratio: value, problems };
  });
  return { runs, baseline: roundSummary(baseline), functions };
};
