/**
 * `npm run import -- FILE.jsonl [options]`: bulk load through the staff API,
 * so the API's own validation and idempotency apply, locally or against a
 * deployed stage. One JSON object per line (JSON Lines), or a JSON array
 * with each item starting on a line of its own (see docs/operators.md).
 *
 * With `npm start` running and no options, it signs in to the local stack as
 * the demo staff login. For a deployed stage:
 *   --api-url URL       PORTICO_API_URL            the stage's API (default http://127.0.0.1:$PORT)
 *   --username NAME     PORTICO_STAFF_USERNAME     the staff login
 *                       PORTICO_STAFF_PASSWORD     its password (never a flag: shell history)
 *   --mfa-code CODE     PORTICO_MFA_CODE           the authenticator's current code, or
 *                       PORTICO_STAFF_TOTP_SECRET  its secret, to compute the code (automation)
 *   --token TOKEN       PORTICO_STAFF_TOKEN        a staff access token instead of signing in
 * Other options:
 *   --concurrency N     requests in flight (default 8, at most 64)
 *   --dry-run           check every row, send nothing
 * Exit status: 0 every row landed, 1 some rows failed, 2 the import could not run.
 */
import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { arrayAsLines, JsonArrayLayoutError, looksLikeJsonArray } from './import/json-array.ts';
import { createProgress, formatDuration } from './import/progress.ts';
import { describeProblem, parseLine } from './import/rows.ts';
import { countRows, type ImportSummary, runImport } from './import/run.ts';
import {
  type Credentials,
  httpStaffApi,
  ImportSetupError,
  type Session,
  signInStaff,
} from './import/staff-api.ts';
import { readDemoStaffSignIn } from './local-stack/demo-staff-sign-in.ts';
import { totpCode } from './local-stack/totp.ts';

const USAGE =
  'usage: npm run import -- FILE.jsonl [--api-url URL] [--username NAME] [--mfa-code CODE] [--token TOKEN] [--concurrency N] [--dry-run]';

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
  const mfaCode = values['mfa-code'] ?? env.PORTICO_MFA_CODE;
  const totpSecret = env.PORTICO_STAFF_TOTP_SECRET;
  return {
    file,
    apiUrl,
    concurrency,
    dryRun: values['dry-run'] === true,
    token: values.token ?? env.PORTICO_STAFF_TOKEN,
    username: values.username ?? env.PORTICO_STAFF_USERNAME,
    password: env.PORTICO_STAFF_PASSWORD,
    mfaCode: mfaCode ? () => mfaCode : totpSecret ? () => totpCode(totpSecret) : undefined,
  };
};

type Options = ReturnType<typeof readOptions>;

/** The local stack's port, when the API is `npm start`'s. */
const localPort = (apiUrl: string): number | undefined => {
  const match = /^http:\/\/(?:127\.0\.0\.1|localhost)(?::(\d+))?$/.exec(apiUrl);
  return match ? Number(match[1] ?? 80) : undefined;
};

/** Who signs in: the options, or for the local stack the demo staff login `npm start` left. */
const credentialsFor = async (options: Options): Promise<Credentials> => {
  if (options.username && options.password) {
    return { username: options.username, password: options.password, mfaCode: options.mfaCode };
  }
  const port = localPort(options.apiUrl);
  const demo = port === undefined ? undefined : await readDemoStaffSignIn(port);
  if (demo && !options.username) {
    return { ...demo, mfaCode: () => totpCode(demo.totpSecret) };
  }
  throw new ImportSetupError(
    port === undefined
      ? 'set PORTICO_STAFF_USERNAME (or --username) and PORTICO_STAFF_PASSWORD, or pass --token'
      : `no staff sign-in for ${options.apiUrl}: is \`npm start\` running? Otherwise set PORTICO_STAFF_USERNAME and PORTICO_STAFF_PASSWORD, or pass --token`
  );
};

const sessionFor = async (options: Options): Promise<Session> =>
  options.token
    ? { accessToken: options.token, refresh: async () => undefined }
    : signInStaff(options.apiUrl, await credentialsFor(options));

const linesOf = (file: string) => () =>
  createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });

/**
 * The file's rows, one per line, read afresh on every call: JSON Lines
 * streamed as they are, a JSON array read whole and each item placed on the
 * line it starts on (scripts/import/json-array.ts).
 */
const rowsOf = async (file: string): Promise<() => AsyncIterable<string>> => {
  let first = '';
  for await (const line of linesOf(file)()) {
    first = line;
    if (line.trim() !== '') break;
  }
  if (!looksLikeJsonArray(first)) return linesOf(file);
  try {
    const lines = arrayAsLines(await readFile(file, 'utf8'));
    return async function* () {
      yield* lines;
    };
  } catch (error) {
    if (error instanceof JsonArrayLayoutError) throw new ImportSetupError(error.message);
    throw error;
  }
};

/** --dry-run: every row checked offline, nothing sent. */
const dryRun = async (rows: () => AsyncIterable<string>): Promise<ImportSummary> => {
  const summary: ImportSummary = { rows: 0, created: 0, reloaded: 0, usage: 0, failed: 0 };
  let line = 0;
  for await (const text of rows()) {
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

const main = async (): Promise<number> => {
  // The SDK's notice that this Node version will lose support is noise for an operator here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const options = readOptions();
  const started = Date.now();
  const rows = await rowsOf(options.file);
  if (options.dryRun) {
    const summary = await dryRun(rows);
    console.log(`import: checked ${summary.rows} rows, ${summary.failed} bad (nothing sent)`);
    return summary.failed > 0 ? 1 : 0;
  }
  const api = httpStaffApi(options.apiUrl, await sessionFor(options));
  const total = await countRows(rows());
  const progress = createProgress({
    total,
    tty: process.stderr.isTTY === true,
    write: (text) => process.stderr.write(text),
  });
  const summary = await runImport({
    lines: rows,
    api,
    concurrency: options.concurrency,
    events: progress,
  }).finally(() => progress.stop());
  console.log(
    `import: ${summary.rows} rows in ${formatDuration((Date.now() - started) / 1000)}: ` +
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
