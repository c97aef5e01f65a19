import { describe, expect, it } from 'vitest';
import {
  COGNITO_FREE_MAU,
  cognitoCost,
  monthlyCost,
  PRICES,
  perRequest,
  type RouteFigures,
  type UsageModel,
} from '../../bench/cost-model.ts';
import { FUNCTION_MEMORY_MB } from '../../lib/function-memory.ts';
import { routeFiguresOf, withBudgetFallback } from '../../scripts/cost.ts';
import { runScript } from '../support/run-script.ts';

const usage: UsageModel = {
  requestsPerAccountDay: 10,
  routeMix: { 'GET /me': 3, 'PATCH /x': 1 },
  loginsPerAccountMonth: 1,
  mailsPerAccountMonth: 4,
  bytesPerAccount: 1_000_000,
  logBytesPerRequest: 1_000,
  writeUnitsPerWrite: 2,
  readUnitsPerRead: 1,
};
const routes = [
  { route: 'GET /me', durationMs: 4.2, reads: 2, writes: 0 },
  { route: 'PATCH /x', durationMs: 8.2, reads: 2, writes: 3 },
];
const fixed = { alarmMetrics: 10, kmsKeys: 1, secrets: 2 };

describe('cost model', () => {
  it('weights the per-request figures by the route mix', () => {
    // Act
    const avg = perRequest(routes, usage.routeMix);

    // Assess
    expect(avg.durationMs).toBeCloseTo((3 * 4.2 + 8.2) / 4);
    expect(avg.reads).toBe(2);
    expect(avg.writes).toBeCloseTo(0.75);
  });

  it('prices each line from the measured figures, the usage model and the price table', () => {
    // Prepare
    const accounts = 1000;
    const requests = accounts * 10 * 30;

    // Act
    const cost = monthlyCost({
      accounts,
      usage,
      routes,
      memoryMb: 512,
      featurePlan: 'lite',
      fixed,
    });

    // Assess
    expect(cost.requestsPerMonth).toBe(requests);
    const gbSeconds = requests * (6 / 1000) * 0.5; // 5.2 ms billed as 6 ms, at half a GB
    expect(cost.lines.lambda).toBeCloseTo(
      gbSeconds * PRICES.lambdaGbSecond.usd + (requests / 1e6) * PRICES.lambdaRequestPerMillion.usd
    );
    expect(cost.lines.httpApi).toBeCloseTo((requests / 1e6) * PRICES.httpApiPerMillion.usd);
    expect(cost.lines.dynamodb).toBeCloseTo(
      ((requests * 2) / 1e6) * PRICES.dynamoReadPerMillion.usd +
        ((requests * 0.75 * 2) / 1e6) * PRICES.dynamoWritePerMillion.usd +
        1 * (PRICES.dynamoStorageGbMonth.usd + PRICES.dynamoPitrGbMonth.usd)
    );
    expect(cost.lines.monitoring).toBeCloseTo(10 * PRICES.alarmPerMonth.usd + 1);
    expect(cost.lines.ses).toBeCloseTo(4 * PRICES.sesPerThousand.usd);
    expect(cost.totalWithoutSes).toBeCloseTo(
      cost.lines.lambda +
        cost.lines.httpApi +
        cost.lines.dynamodb +
        cost.lines.logs +
        cost.lines.monitoring +
        cost.lines.secrets
    );
    expect(cost.perThousandAccounts).toBeCloseTo(cost.totalWithoutSes);
  });

  it('bills each route at the memory of the function serving it', () => {
    // Prepare
    const sized: RouteFigures[] = [
      { route: 'GET /me', durationMs: 4.2, reads: 2, writes: 0, memoryMb: 256 },
      { route: 'PATCH /x', durationMs: 8.2, reads: 2, writes: 3, memoryMb: 1024 },
    ];

    // Act
    const avg = perRequest(sized, usage.routeMix);

    // Assess: 5 ms at a quarter GB three times, 9 ms at 1 GB once; the stage size unused
    expect(avg.gbSeconds(4096)).toBeCloseTo((3 * 0.005 * 0.25 + 0.009 * 1) / 4);
    expect(perRequest(routes, usage.routeMix).gbSeconds(512)).toBeCloseTo(
      ((3 * 0.005 + 0.009) / 4) * 0.5
    );
  });

  it('reads the memory run of the latest results: bundle time, units DynamoDB reported, the function’s memory', () => {
    // Prepare
    const results = {
      memory: {
        routes: [
          {
            route: 'GET /me',
            function: 'me',
            duration: { p50: 12.5 },
            reads: 2,
            writes: 0,
            readUnits: 2,
            writeUnits: 0,
          },
        ],
      },
      overhead: {
        routes: [{ route: 'GET /me', handler: { p50: 4 }, calls: { reads: 9, writes: 9 } }],
      },
    };

    // Act
    const figures = routeFiguresOf(results);

    // Assess
    expect(figures).toEqual({
      source: 'memory',
      routes: [
        {
          route: 'GET /me',
          durationMs: 12.5,
          reads: 2,
          writes: 0,
          readUnits: 2,
          writeUnits: 0,
          memoryMb: FUNCTION_MEMORY_MB.me,
        },
      ],
    });
  });

  it('falls back to the in-process figures of results recorded before the memory run', () => {
    // Prepare
    const results = {
      overhead: {
        routes: [
          {
            route: 'GET /accounts/{accountId}',
            handler: { p50: 4 },
            calls: { reads: 2, writes: 0 },
          },
        ],
      },
    };

    // Act
    const figures = routeFiguresOf(results);

    // Assess
    expect(figures).toEqual({
      source: 'overhead',
      routes: [
        {
          route: 'GET /accounts/{accountId}',
          durationMs: 4,
          reads: 2,
          writes: 0,
          memoryMb: FUNCTION_MEMORY_MB.account,
        },
      ],
    });
  });

  it('prefers the units DynamoDB reported over calls times assumed units', () => {
    // Prepare
    const measured = routes.map((route) => ({ ...route, readUnits: 1, writeUnits: 4 }));

    // Act
    const avg = perRequest(measured, usage.routeMix);

    // Assess
    expect(avg.readUnits(7)).toBe(1);
    expect(avg.writeUnits(7)).toBe(4);
    expect(perRequest(routes, usage.routeMix).writeUnits(2)).toBeCloseTo(1.5);
  });

  it('costs only the fixed monthly items when nobody uses the stage', () => {
    // Act
    const idle = monthlyCost({
      accounts: 0,
      usage,
      routes,
      memoryMb: 1024,
      featurePlan: 'lite',
      fixed,
    });

    // Assess
    expect(idle.totalWithoutSes).toBeCloseTo(10 * 0.1 + 1 + 2 * 0.4);
    expect(idle.perThousandAccounts).toBe(0);
  });

  it.each([
    ['lite', COGNITO_FREE_MAU, 0],
    ['lite', COGNITO_FREE_MAU + 1000, 1000 * PRICES.cognitoLitePerMau.usd],
    ['essentials', COGNITO_FREE_MAU + 1000, 1000 * PRICES.cognitoEssentialsPerMau.usd],
    ['plus', 1000, 1000 * PRICES.cognitoPlusPerMau.usd],
  ] as const)('bills Cognito %s for %i active users at %f', (plan, mau, expected) => {
    // Act
    const usd = cognitoCost(mau, plan);

    // Assess
    expect(usd).toBeCloseTo(expected);
  });

  it('counts routes of the mix the bench has not measured at the design budget', () => {
    // Act
    const { routes: filled, missing } = withBudgetFallback([routes[0] as never], usage.routeMix);

    // Assess
    expect(missing).toEqual(['PATCH /x']);
    expect(filled[1]).toEqual({ route: 'PATCH /x', durationMs: 8.4, reads: 2, writes: 3 });
  });

  it('answers a typo with one usage line and exit code 2, not a stack trace', async () => {
    // Act
    const runs = await Promise.all([
      runScript('scripts/cost.ts', ['--help'], process.env),
      runScript('scripts/cost.ts', ['--accounts', 'a thousand'], process.env),
    ]);

    // Assess
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim()).toMatch(/^usage: npm run cost -- \[--accounts N\]\.\.\. /);
    }
  });
});
