import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration, formatProgress } from '../../scripts/import/progress.ts';
import { describeProblem, parseLine } from '../../scripts/import/rows.ts';

const account = {
  kind: 'account',
  externalId: 'CRM-1',
  name: 'Acme',
  contractNumbers: ['C-1'],
  primaryContact: {
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@acme.example',
    phone: '+441632960961',
    address: { line1: '1 Road', city: 'London', postcode: 'N1 1AA', country: 'gb' },
  },
};

const line = (value: unknown) => JSON.stringify(value);

describe('parseLine', () => {
  it('turns a good account row into the API body, normalised like the API does', () => {
    // Act
    const parsed = parseLine(line(account));

    // Assess
    expect(parsed).toMatchObject({
      outcome: 'row',
      row: {
        kind: 'account',
        body: { externalId: 'CRM-1', primaryContact: { address: { country: 'GB' } } },
      },
    });
  });

  it('takes the account and service references out of the body', () => {
    // Act
    const parsed = parseLine(
      line({
        kind: 'usage',
        account: 'CRM-1',
        service: 'SVC-1',
        traffic: [
          {
            ip: '2001:DB8::1',
            at: '2026-03-01T01:00:00+01:00',
            periodSeconds: 60,
            inBytes: 1,
            outBytes: 2,
          },
        ],
      })
    );

    // Assess
    expect(parsed).toEqual({
      outcome: 'row',
      row: {
        kind: 'usage',
        account: 'CRM-1',
        service: 'SVC-1',
        body: {
          traffic: [
            {
              ip: '2001:db8::1',
              at: '2026-03-01T00:00:00.000Z',
              periodSeconds: 60,
              inBytes: 1,
              outBytes: 2,
            },
          ],
        },
      },
    });
  });

  it('skips blank lines and comments', () => {
    // Assess
    expect(parseLine('   ')).toEqual({ outcome: 'blank' });
    expect(parseLine('# accounts first')).toEqual({ outcome: 'blank' });
  });

  it('says what is wrong with a line that is not a row', () => {
    // Act
    const problems = ['{not json', '[1,2]', line({ kind: 'contact' })].map(parseLine);

    // Assess
    expect(problems.map((p) => (p.outcome === 'bad' ? p.problem.detail : p.outcome))).toEqual([
      'The line is not valid JSON.',
      'The line is not a JSON object.',
      'Give the row a "kind": one of account, service, invoice, usage.',
    ]);
  });

  it('lists every bad field, the references and unknown fields included', () => {
    // Act
    const parsed = parseLine(
      line({
        kind: 'service',
        externalId: 'SVC 1',
        type: 'mainframe',
        label: 'x',
        status: 'active',
        contractNumber: 'C-1',
        owner: 'me',
      })
    );

    // Assess
    expect(parsed.outcome).toBe('bad');
    const fields =
      parsed.outcome === 'bad' ? (parsed.problem.errors ?? []).map((e) => e.field) : [];
    expect(fields.sort()).toEqual(['account', 'externalId', 'owner', 'type']);
  });

  it('refuses a usage batch that is too long, mixed, or names a record twice', () => {
    // Prepare
    const call = {
      id: 'c1',
      startedAt: '2026-03-01T10:00:00Z',
      direction: 'outbound',
      from: '1',
      to: '2',
      durationSeconds: 3,
    };
    const usage = (body: object) => line({ kind: 'usage', account: 'A', service: 'S', ...body });

    // Act
    const [tooLong, mixed, twice, none] = [
      usage({ calls: Array.from({ length: 101 }, (_, i) => ({ ...call, id: `c${i}` })) }),
      usage({ calls: [call], traffic: [] }),
      usage({ calls: [call, { ...call, startedAt: '2026-03-01T12:00:00+02:00' }] }),
      usage({}),
    ].map(parseLine);

    // Assess
    for (const parsed of [tooLong, mixed, twice, none]) expect(parsed?.outcome).toBe('bad');
    expect(twice?.outcome === 'bad' && twice.problem.errors).toEqual([
      { field: 'calls.1', code: 'duplicate', message: 'Listed twice in this batch.' },
    ]);
  });
});

describe('describeProblem', () => {
  it('names the line, the problem and each field', () => {
    // Assess
    expect(
      describeProblem(12, {
        detail: '409 Conflict: taken',
        errors: [
          { field: 'a', message: 'Bad.' },
          { field: 'b.0', message: 'Worse.' },
        ],
      })
    ).toBe('line 12: 409 Conflict: taken (a: Bad.; b.0: Worse.)');
  });
});

describe('progress', () => {
  it('formats count, rate, ETA and failures', () => {
    // Assess
    expect(formatProgress({ done: 250, total: 1000, failed: 2, elapsedMs: 5000 })).toBe(
      '250/1000 rows (25%) · 50 rows/s · ETA 15 s · 2 failed'
    );
    expect(formatProgress({ done: 0, total: 10, failed: 0, elapsedMs: 0 })).toBe('0/10 rows (0%)');
    expect(formatDuration(3725)).toBe('1 h 02 min');
    expect(formatDuration(65)).toBe('1 min 05 s');
  });

  it('writes plain lines to a log and redraws one line on a terminal', async () => {
    // Prepare
    const log: string[] = [];
    const terminal: string[] = [];
    let clock = 0;
    const plain = createProgress({
      total: 4,
      tty: false,
      write: (t) => log.push(t),
      intervalMs: 5,
      now: () => clock,
    });
    const tty = createProgress({
      total: 4,
      tty: true,
      write: (t) => terminal.push(t),
      intervalMs: 5,
      now: () => clock,
    });

    // Act
    for (const progress of [plain, tty]) {
      progress.rowDone('created');
      progress.rowDone('failed');
      progress.problem('line 2: bad');
    }
    clock = 1000;
    await new Promise((resolve) => setTimeout(resolve, 30));
    plain.stop();
    tty.stop();

    // Assess
    expect(log).toEqual([
      'line 2: bad\n',
      'import: 2/4 rows (50%) · 2.0 rows/s · ETA 1 s · 1 failed\n',
    ]);
    expect(terminal.at(-2)).toBe(
      '\r\x1b[2Kimport: 2/4 rows (50%) · 2.0 rows/s · ETA 1 s · 1 failed'
    );
    expect(terminal.at(-1)).toBe('\n');
  });
});
