/**
 * Handler overhead: a request through the whole middy stack, in process,
 * against the same DynamoDB calls made raw with the document client, timed
 * interleaved in the same run so both meet the same machine and the same
 * DynamoDB Local. Also counts the DynamoDB calls each route makes.
 */
import { BatchGetCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { accountKeys } from '#core/entities/account';
import { contactKeys } from '#core/entities/contact';
import {
  fromMembershipItem,
  getMembershipCommand,
  isMembershipItem,
  loginPartitionQuery,
} from '#core/entities/membership';
import { type Invocation, invocation, invoke, type LambdaHandler, statusOf } from './api-event.ts';
import { provisionBenchAccount } from './bench-account.ts';
import { CALLS_PER_REQUEST, HANDLER_OVERHEAD_MAX_RATIO } from './budgets.ts';
import { formatRatio, ratio, roundSummary, type Summary, summarize } from './stats.ts';

interface Scenario {
  route: string;
  /** A fresh event and context for one request. */
  prepare: () => Invocation;
  handler: LambdaHandler;
  raw: () => Promise<void>;
}

export interface CallCounts {
  reads: number;
  writes: number;
  scans: number;
  commands: string[];
  /** Units DynamoDB reported (ReturnConsumedCapacity), read by `npm run cost`. */
  capacity: { readUnits: number; writeUnits: number };
}

export interface OverheadEntry {
  route: string;
  handler: Summary;
  raw: Summary;
  /** handler p50 ÷ raw p50. */
  ratio: number;
  calls: CallCounts;
  problems: string[];
}

export interface OverheadResult {
  warmup: number;
  iterations: number;
  routes: OverheadEntry[];
}

const expectOk = (route: string, result: unknown): void => {
  const status = statusOf(result);
  if (status !== 200) {
    const body = (result as { body?: unknown } | undefined)?.body;
    throw new Error(`${route} answered ${status}: ${String(body ?? '')}`);
  }
};

const loadHandler = async (name: string): Promise<LambdaHandler> => {
  const module = (await import(`../functions/${name}/handler.ts`)) as { handler?: unknown };
  if (typeof module.handler !== 'function') throw new Error(`functions/${name} has no handler`);
  return module.handler as LambdaHandler;
};

/**
 * Imports the function code; the environment must already point at the bench
 * table. The raw calls are the bare SDK on purpose (the baseline the handlers
 * are measured against), so they name the table themselves.
 */
const buildScenarios = async (loginId: string, accountId: string): Promise<Scenario[]> => {
  const { dynamo, tableName } = await import('#core/platform/clients/dynamodb');
  const batchGet = async (keys: Record<string, string>[], expected: number) => {
    const { Responses } = await dynamo.send(
      new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys, ConsistentRead: true } } })
    );
    if ((Responses?.[tableName]?.length ?? 0) !== expected) throw new Error('raw BatchGet missed');
  };
  return [
    {
      route: 'GET /accounts/{accountId}',
      prepare: () => invocation('getAccount', { accountId }, loginId),
      handler: await loadHandler('account'),
      raw: async () => {
        const { Item } = await dynamo.send(
          new GetCommand({ TableName: tableName, ...getMembershipCommand({ loginId, accountId }) })
        );
        if (!Item) throw new Error('raw GetItem found no membership');
        const { primaryContactId } = fromMembershipItem(Item);
        await batchGet(
          [accountKeys(accountId), contactKeys({ accountId, contactId: primaryContactId })],
          2
        );
      },
    },
    {
      route: 'GET /me',
      prepare: () => invocation('getMe', {}, loginId),
      handler: await loadHandler('me'),
      raw: async () => {
        const { Items = [] } = await dynamo.send(
          new QueryCommand({ TableName: tableName, ...loginPartitionQuery(loginId) })
        );
        const memberships = Items.filter(isMembershipItem).map(fromMembershipItem);
        await batchGet(
          memberships.map((m) => accountKeys(m.accountId)),
          memberships.length
        );
      },
    },
  ];
};

/** Times the handler alone: the event is built before and the status checked after. */
const timeHandler = async (scenario: Scenario): Promise<number> => {
  const call = scenario.prepare();
  const started = performance.now();
  const result = await invoke(scenario.handler, call);
  const elapsed = performance.now() - started;
  expectOk(scenario.route, result);
  return elapsed;
};

const timeRaw = async (scenario: Scenario): Promise<number> => {
  const started = performance.now();
  await scenario.raw();
  return performance.now() - started;
};

/** One request per route through the handler, with the shared client's calls counted. */
const countCalls = async (scenarios: Scenario[]): Promise<Map<string, CallCounts>> => {
  const counter = await import('./dynamo-calls.ts');
  counter.installCallCounter();
  const counts = new Map<string, CallCounts>();
  for (const scenario of scenarios) {
    counter.resetCalls();
    expectOk(scenario.route, await invoke(scenario.handler, scenario.prepare()));
    counts.set(scenario.route, counter.countCalls());
  }
  return counts;
};

const judge = (route: string, value: number, calls: CallCounts): string[] => {
  const problems: string[] = [];
  if (value > HANDLER_OVERHEAD_MAX_RATIO) {
    problems.push(
      `${route}: handler p50 is ${formatRatio(value)} the raw calls (budget ${formatRatio(HANDLER_OVERHEAD_MAX_RATIO)})`
    );
  }
  if (calls.reads + calls.writes === 0) {
    problems.push(
      `${route}: no DynamoDB call was counted; is the counter on the handler's client?`
    );
  }
  for (const kind of ['reads', 'writes', 'scans'] as const) {
    if (calls[kind] > CALLS_PER_REQUEST[kind]) {
      problems.push(`${route}: ${calls[kind]} ${kind} (budget ${CALLS_PER_REQUEST[kind]})`);
    }
  }
  return problems;
};

/**
 * Provisions one account for a made-up login, then runs `warmup` untimed and
 * `iterations` timed rounds. Each round runs every route once via the
 * handler and once raw, swapping which goes first on alternate rounds.
 */
export const measureOverhead = async (options: {
  warmup: number;
  iterations: number;
}): Promise<OverheadResult> => {
  const { loginId, accountId } = await provisionBenchAccount();
  const scenarios = await buildScenarios(loginId, accountId);
  const samples = new Map(
    scenarios.map((s) => [s.route, { handler: [] as number[], raw: [] as number[] }])
  );

  for (let round = 0; round < options.warmup + options.iterations; round++) {
    for (const scenario of scenarios) {
      const handlerFirst = round % 2 === 0;
      const first = await (handlerFirst ? timeHandler(scenario) : timeRaw(scenario));
      const second = await (handlerFirst ? timeRaw(scenario) : timeHandler(scenario));
      if (round < options.warmup) continue;
      const bucket = samples.get(scenario.route);
      bucket?.handler.push(handlerFirst ? first : second);
      bucket?.raw.push(handlerFirst ? second : first);
    }
  }

  const counts = await countCalls(scenarios);
  const routes = scenarios.map((scenario): OverheadEntry => {
    const bucket = samples.get(scenario.route) ?? { handler: [], raw: [] };
    const handler = summarize(bucket.handler);
    const raw = summarize(bucket.raw);
    const value = ratio(handler.p50, raw.p50);
    const calls = counts.get(scenario.route) ?? {
      reads: 0,
      writes: 0,
      scans: 0,
      commands: [],
      capacity: { readUnits: 0, writeUnits: 0 },
    };
    return {
      route: scenario.route,
      handler: roundSummary(handler),
      raw: roundSummary(raw),
      ratio: value,
      calls,
      problems: judge(scenario.route, value, calls),
    };
  });
  return { warmup: options.warmup, iterations: options.iterations, routes };
};
