/**
 * `npm run stress:emulators -- [--runs N] [--busy K] [--only FILE]... [FILE...]`:
 * runs the emulator-backed test project (by default its integration files,
 * else the files named, with `--only` or bare)
 * N times in a row, each run starting its own local stack, while K extra
 * processes keep the CPUs busy. It reports each run's result and time and
 * how often an emulator needed its one start-up retry (local/start-retry.ts
 * logs "trying once more"), so start-up robustness under load is measured
 * rather than assumed. Exit status: 0 every run passed, 1 otherwise.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    busy: { type: 'string', default: '2' },
    only: { type: 'string', multiple: true, default: [] },
  },
  allowPositionals: true,
});
const runs = Number(values.runs);
const busy = Number(values.busy);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(busy) || busy < 0) {
  process.stderr.write(
    'usage: stress:emulators -- [--runs N>=1] [--busy K>=0] [--only FILE]... [FILE...]\n'
  );
  process.exit(2);
}
const named = [...values.only, ...positionals];
const files = named.length > 0 ? named : ['test/integration'];

/** A process that spins one CPU until it is killed: the load other work puts on a CI machine. */
const BURN = 'for(;;){}';
const burners = Array.from({ length: busy }, () =>
  spawn(process.execPath, ['-e', BURN], { stdio: 'ignore' })
);
const stopBurners = () => {
  for (const burner of burners) burner.kill('SIGKILL');
};
process.on('exit', stopBurners);

interface RunResult {
  passed: boolean;
  seconds: number;
  retries: number;
  summary: string;
  /** The tests that failed, as vitest names them. */
  failures: string[];
  /** The whole output of the run, kept for reading when it failed. */
  output: string;
}

const runOnce = (): Promise<RunResult> =>
  new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(
      'npx',
      ['vitest', 'run', '--project', 'emulators', '--reporter', 'dot', ...files],
      {
        env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      }
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('close', (code) => {
      const lines = output.split('\n');
      resolve({
        passed: code === 0,
        seconds: (performance.now() - started) / 1000,
        retries: lines.filter((line) => line.includes('trying once more')).length,
        summary: lines
          .filter((line) => /^\s*(Test Files|Tests)\s/.test(line))
          .map((line) => line.trim())
          .join('; '),
        failures: lines.filter((line) => /^\s*FAIL\s/.test(line)).map((line) => line.trim()),
        output,
      });
    });
  });

const results: RunResult[] = [];
for (let run = 1; run <= runs; run += 1) {
  const result = await runOnce();
  results.push(result);
  const kept = result.passed
    ? undefined
    : join(tmpdir(), `portico-stress-${process.pid}-${run}.log`);
  if (kept) writeFileSync(kept, result.output);
  process.stdout.write(
    `run ${run}/${runs}: ${result.passed ? 'passed' : 'FAILED'} in ${result.seconds.toFixed(1)} s, ` +
      `${result.retries} start-up retr${result.retries === 1 ? 'y' : 'ies'}; ${result.summary}\n` +
      result.failures.map((failure) => `  ${failure}\n`).join('') +
      (kept ? `  output: ${kept}\n` : '')
  );
}
stopBurners();
const failed = results.filter((result) => !result.passed).length;
const retries = results.reduce((sum, result) => sum + result.retries, 0);
process.stdout.write(
  `${runs - failed}/${runs} runs passed with ${busy} busy process(es) on the side; ` +
    `${retries} emulator start-up retr${retries === 1 ? 'y' : 'ies'} in all\n`
);
process.exit(failed === 0 ? 0 : 1);
