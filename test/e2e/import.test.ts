/**
 * The import through the local gateway with a real staff login: the runner
 * (the sample file loads, loading it again changes nothing, bad rows are
 * reported by line while the good ones land) and the command itself.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ImportSummary, runImport } from '../../scripts/import/run.ts';
import type { StaffApi } from '../../scripts/import/staff-api.ts';
import { writeDemoStaffSignIn } from '../../scripts/local-stack/demo-staff-sign-in.ts';
import { useGateway } from '../support/gateway.ts';
import { accountLoad, invoiceLoad, serviceLoad } from '../support/loads.ts';
import { runScript } from '../support/run-script.ts';
import { createStaffLogin, type TestStaffLogin } from '../support/staff.ts';
import { staffApiFor, staffCall } from '../support/staff-calls.ts';

const SAMPLE = new URL('../../docs/examples/import.jsonl', import.meta.url);

const gateway = useGateway();
let staffApi: StaffApi;

beforeAll(async () => {
  staffApi = await staffApiFor(gateway.url);
});

const importLines = async (lines: string[], api: StaffApi = staffApi) => {
  const problems: string[] = [];
  const outcomes: string[] = [];
  const summary = await runImport({
    lines: async function* () {
      yield* lines;
    },
    api,
    concurrency: 4,
    events: { rowDone: (outcome) => outcomes.push(outcome), problem: (m) => problems.push(m) },
  });
  return { summary, problems, outcomes };
};

const row = (kind: string, fields: object) => JSON.stringify({ kind, ...fields });

describe('runImport', () => {
  it('loads the sample file, and a second run finds every row by its id', async () => {
    // Prepare
    const lines = (await readFile(SAMPLE, 'utf8')).split('\n');

    // Act
    const first = await importLines(lines);
    const second = await importLines(lines);

    // Assess
    expect(first.problems).toEqual([]);
    expect(first.summary).toEqual<ImportSummary>({
      rows: 10,
      created: 8,
      reloaded: 0,
      usage: 2,
      failed: 0,
    });
    expect(second.summary).toEqual<ImportSummary>({
      rows: 10,
      created: 0,
      reloaded: 8,
      usage: 2,
      failed: 0,
    });
    const calls = await staffCall(gateway.url, 'GET', '/staff/external-ids/service/SVC-5003');
    expect(calls.status).toBe(200);
  });

  it('reports each bad row with its line and lands the others, whatever the order', async () => {
    // Prepare
    const home = accountLoad();
    const other = accountLoad();
    const contract = home.contractNumbers[0] as string;
    // Loaded beforehand, so which row meets the taken contract never depends on timing.
    const holder = accountLoad();
    await staffCall(gateway.url, 'POST', '/staff/accounts', holder);
    const takenContract = holder.contractNumbers[0] as string;
    const lines = [
      row('service', {
        account: home.externalId,
        ...serviceLoad(contract, { externalId: `${home.externalId}-S1` }),
      }),
      row('account', home),
      '{"kind":"account",',
      row('service', { account: 'CRM-NOWHERE', ...serviceLoad(contract) }),
      row('service', { account: home.externalId, ...serviceLoad('NOT-OURS') }),
      '',
      row('account', { ...other, contractNumbers: [takenContract] }),
      row('service', { account: other.externalId, ...serviceLoad(contract) }),
      row('usage', { account: home.externalId, service: `${home.externalId}-S1`, calls: [] }),
    ];

    // Act
    const { summary, problems } = await importLines(lines);

    // Assess
    expect(summary).toMatchObject({ rows: 8, created: 2, failed: 6 });
    expect(problems.sort()).toEqual([
      'line 3: The line is not valid JSON.',
      expect.stringMatching(/^line 4: No account has the externalId CRM-NOWHERE/),
      expect.stringMatching(
        /^line 5: 400 Validation failed: .*\(contractNumber: Not a contract of this account/
      ),
      expect.stringMatching(
        /^line 7: 409 Contract taken: Contract number .* belongs to another account/
      ),
      expect.stringMatching(/^line 8: Account CRM-.* did not load \(line 7\)/),
      'line 9: The row has invalid fields. (calls: Send at least one record.)',
    ]);
    const loaded = await staffCall(
      gateway.url,
      'GET',
      `/staff/external-ids/service/${home.externalId}-S1`
    );
    expect(loaded.status).toBe(200);
  });

  it('fails only the row whose request could not be sent', async () => {
    // Prepare
    let first = true;
    const flaky: StaffApi = {
      send: async (method, path, body) => {
        if (first) {
          first = false;
          throw new Error('socket hang up');
        }
        return staffApi.send(method, path, body);
      },
    };

    // Act
    const { summary, problems } = await importLines(
      [row('account', accountLoad()), row('account', accountLoad())],
      flaky
    );

    // Assess
    expect(summary).toMatchObject({ created: 1, failed: 1 });
    expect(problems).toEqual([
      expect.stringMatching(/^line \d: request failed: Error: socket hang up/),
    ]);
  });
});

describe('npm run import', () => {
  /** Runs the command as an operator would, against this test's gateway. */
  const runCommand = (args: string[], env: Record<string, string> = {}) =>
    runScript('scripts/import.ts', args, {
      ...process.env,
      PORTICO_API_URL: gateway.url,
      ...env,
    });

  const writeFileOf = async (lines: string[]) => {
    const dir = await mkdtemp(join(tmpdir(), 'portico-import-'));
    const file = join(dir, 'rows.jsonl');
    await writeFile(file, `${lines.join('\n')}\n`);
    return file;
  };

  let login: TestStaffLogin;

  beforeAll(async () => {
    login = await createStaffLogin('importer');
  });

  const signedIn = () => ({
    PORTICO_STAFF_USERNAME: login.username,
    PORTICO_STAFF_PASSWORD: login.password,
    PORTICO_STAFF_TOTP_SECRET: login.totpSecret,
  });

  it('signs in to the staff pool, lands the good rows, reports the bad ones and exits 1', async () => {
    // Prepare
    const account = accountLoad();
    const file = await writeFileOf([
      row('account', account),
      row('service', { account: account.externalId, ...serviceLoad('NOT-OURS') }),
      row('invoice', { account: account.externalId, ...invoiceLoad() }),
    ]);

    // Act
    const { code, stdout, stderr } = await runCommand([file, '--concurrency', '2'], signedIn());

    // Assess
    expect(code, stderr).toBe(1);
    expect(stderr).toMatch(/^line 2: 400 Validation failed: .*contractNumber/m);
    expect(stdout).toContain('import: 3 rows in');
    expect(stdout).toContain(
      '2 created, 0 found by their id (updated where they differed), 0 usage batches, 1 failed'
    );
    const loaded = await staffCall(
      gateway.url,
      'GET',
      `/staff/external-ids/account/${account.externalId}`
    );
    expect(loaded.status).toBe(200);
  });

  it('reads a pretty-printed JSON array too, reporting each item by the line it starts on', async () => {
    // Prepare
    const account = accountLoad();
    const items = [
      account,
      { account: account.externalId, ...serviceLoad('NOT-OURS') },
      { account: account.externalId, ...invoiceLoad() },
    ];
    const kinds = ['account', 'service', 'invoice'];
    const file = await writeFileOf([
      '[',
      ...items.map((item, i) => `  ${row(kinds[i] ?? '', item)}${i < items.length - 1 ? ',' : ''}`),
      ']',
    ]);

    // Act
    const { code, stdout, stderr } = await runCommand([file], signedIn());

    // Assess
    expect(code, stderr).toBe(1);
    expect(stderr).toMatch(/^line 3: 400 Validation failed: .*contractNumber/m);
    expect(stdout).toContain('import: 3 rows in');
    expect(stdout).toContain('2 created');
  });

  it('signs in as the demo staff login `npm start` left for the local stack, with no options', async () => {
    // Prepare
    const port = Number(new URL(gateway.url).port);
    await writeDemoStaffSignIn(port, {
      username: login.username,
      password: login.password,
      totpSecret: login.totpSecret,
    });
    const file = await writeFileOf([row('account', accountLoad())]);

    // Act
    const { code, stdout, stderr } = await runCommand([file], {
      PORTICO_API_URL: `http://127.0.0.1:${port}`,
    });

    // Assess
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('1 created');
  });

  it('checks a file without sending it, and exits 2 when it cannot run', async () => {
    // Prepare
    const file = await writeFileOf(['{"kind":"account"}', '# a comment']);

    // Act
    const [dryRun, noFile, wrongPassword] = await Promise.all([
      runCommand([file, '--dry-run']),
      runCommand(['no-such-file.jsonl']),
      runCommand([file], { ...signedIn(), PORTICO_STAFF_PASSWORD: 'Wrong-Password-2026!' }),
    ]);

    // Assess
    expect(dryRun.code).toBe(1);
    expect(dryRun.stderr).toMatch(/^line 1: The row has invalid fields\./m);
    expect(dryRun.stdout).toContain('checked 1 rows, 1 bad (nothing sent)');
    expect([noFile.code, noFile.stderr]).toEqual([2, 'import: no file at no-such-file.jsonl\n']);
    expect(wrongPassword.code).toBe(2);
    expect(wrongPassword.stderr).toContain('staff sign-in as');
  });
});
