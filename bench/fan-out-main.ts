/**
 * `npm run bench:fan-out`: the notice fan-out measure (bench/fan-out.ts)
 * on its own, written to bench/results/<date>-<commit>-fan-out.json with
 * the budget it is held to. Exits 1 when a run misses the budget.
 */
import { execSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../lib/constructs/bundling.ts';
import { FAN_OUT_BUDGET } from './budgets.ts';
import { startBenchDatabase } from './dynamodb-local.ts';
import { measureFanOut } from './fan-out.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// The machine may be shared: its load says how far the figures can be compared.
const loadBefore = loadavg();
const runs = await measureFanOut(startBenchDatabase, (line) =>
  process.stderr.write(`bench: ${line}\n`)
);
const problems = runs.flatMap((run) => [
  ...(run.seconds > FAN_OUT_BUDGET.maxSeconds
    ? [`${run.label}: ${run.seconds} s > ${FAN_OUT_BUDGET.maxSeconds} s`]
    : []),
  ...(run.duplicates > 0 ? [`${run.label}: ${run.duplicates} duplicates`] : []),
  ...(run.missing > 0 ? [`${run.label}: ${run.missing} missing`] : []),
]);
const commit = execSync('git rev-parse --short HEAD', { cwd: PROJECT_ROOT }).toString().trim();
const date = new Date().toISOString().slice(0, 10);
const file = join(PROJECT_ROOT, 'bench', 'results', `${date}-${commit}-fan-out.json`);
const round = (values: number[]) => values.map((value) => Math.round(value * 100) / 100);
const loadAverage = { before: round(loadBefore), after: round(loadavg()) };
const report = { date, commit, budget: FAN_OUT_BUDGET, loadAverage, runs, problems };
await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
process.exit(problems.length ? 1 : 0);
