/**
 * `npm run import -- FILE.jsonl [options]`: bulk load through the staff API,
 * so the API's own validation and idempotency apply, locally or against a
 * deployed stage. One JSON object per line (see docs/operators.md).
 *
 * Options (each also an environment variable):
 *   --api-url URL       PORTICO_API_URL         default http://127.0.0.1:$PORT (npm start)
 *   --username EMAIL    PORTICO_STAFF_USERNAME  default staff@portico.example (the demo login)
 *                       PORTICO_STAFF_PASSWORD  default: the demo password, local API only
 *   --mfa-code CODE     PORTICO_MFA_CODE        when the staff pool asks for MFA (AWS)
 *   --token TOKEN       PORTICO_STAFF_TOKEN     a staff access token instead of signing in
 *   --concurrency N                             requests in flight (default 8)
 *   --dry-run                                   check every row, send nothing
 * Exit status: 0 every row landed, 1 some rows failed, 2 the import could not run.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createProgress, formatDuration } from './import/progress.ts';
import { describeProblem, parseLine } from './import/rows.ts';
import { countRows, type ImportSummary, runImport } from './import/run.ts';
import { httpStaffApi, ImportSetupError, signInStaff } from './import/staff-api.ts';

const DEMO_STAFF_USERNAME = 'staff@portico.example';
const DEMO_PASSWORD = 'Portico-Demo-2026!';

const USAGE =
  'usage: npm run import -- FILE.jsonl [--api-url URL] [--username EMAIL] [--mfa-code CODE] [--token TOKEN] [--concurrency N] [--dry-run]';

const parseFlags = () => {
  try {
    return parseArgs({
      allowPositionals: true,
      strict: true,
      options: {
        'api-url': { type: 'string' },
        username: { type: 'string' },
        'mfa-code': { type: 'string' },
        token: { type: 'string' },
        concurrency: { type: 'string' },
        'dry-run': { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new ImportSetupError(`${(error as Error).message}\n${USAGE}`);
  }
};

const readOptions = () => {
  const { values, positionals } = parseFlags();
  const [file, ...extra] = positionals;
  if (!file || extra.length) throw new ImportSetupError(USAGE);
  if (!existsSync(file)) throw new ImportSetupError(`no file at ${file}`);
  const concurrency = Number(values.concurrency ?? 8);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new ImportSetupError('--concurrency must be a whole number from 1 to 64');
  }
  const env = process.env;
  const apiUrl = (
    values['api-url'] ??
    env.PORTICO_API_URL ??
    `http://127.0.0.1:${env.PORT ?? 3000}`
  ).replace(/\/+$/, '');
  const local = /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(apiUrl);
  const password =
    env.PORTICO_STAFF_PASSWORD ??
    (local ? (env.PORTICO_DEMO_PASSWORD ?? DEMO_PASSWORD) : undefined);
  return {
    file,
    apiUrl,
    concurrency,
    dryRun: values['dry-run'] === true,
    token: values.token ?? env.PORTICO_STAFF_TOKEN,
    credentials: {
      username: values.username ?? env.PORTICO_STAFF_USERNAME ?? DEMO_STAFF_USERNAME,
      password,
      mfaCode: values['mfa-code'] ?? env.PORTICO_MFA_CODE,
    },
  };
};

const linesOf = (file: string) => () =>
  createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });

/** --dry-run: every row checked offline, nothing sent. */
const dryRun = async (file: string): Promise<ImportSummary> => {
  const summary: ImportSummary = { rows: 0, created: 0, reloaded: 0, usage: 0, failed: 0 };
  let line = 0;
  for await (const text of linesOf(file)()) {
    line += 1;
    const parsed = parseLine(text);
    if (parsed.outcome === 'blank') continue;
    summary.rows += 1;
    if (parsed.outcome === 'bad') {
      summary.failed += 1;
      process.stderr.write(`${describeProblem(line, parsed.problem)}\n`);
    }
  }
  return summary;
};

const session = async (options: ReturnType<typeof readOptions>) => {
  if (options.token) return { accessToken: options.token, refresh: async () => undefined };
  const { password, ...rest } = options.credentials;
  if (!password) {
    throw new ImportSetupError(
      'set PORTICO_STAFF_PASSWORD (or pass a staff access token with --token) for a deployed stage'
    );
  }
  return signInStaff(options.apiUrl, { ...rest, password });
};

const main = async (): Promise<number> => {
  const options = readOptions();
  const started = Date.now();
  if (options.dryRun) {
    const summary = await dryRun(options.file);
    console.log(`import: checked ${summary.rows} rows, ${summary.failed} bad (nothing sent)`);
    return summary.failed > 0 ? 1 : 0;
  }
  const api = httpStaffApi(options.apiUrl, await session(options));
  const total = await countRows(linesOf(options.file)());
  const progress = createProgress({
    total,
    tty: process.stderr.isTTY === true,
    write: (text) => process.stderr.write(text),
  });
  const summary = await runImport({
    lines: linesOf(options.file),
    api,
    concurrency: options.concurrency,
    events: progress,
  }).finally(() => progress.stop());
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `import: ${summary.rows} rows in ${formatDuration(seconds)}: ` +
      `${summary.created} created, ${summary.reloaded} found by their id (updated where they differed), ` +
      `${summary.usage} usage batches, ${summary.failed} failed`
  );
  return summary.failed > 0 ? 1 : 0;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof ImportSetupError ? error.message : String(error);
    process.stderr.write(`import: ${message}\n`);
    process.exit(2);
  }
);
