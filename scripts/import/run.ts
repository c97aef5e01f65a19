/**
 * Runs an import: reads the file once per pass (accounts, then services,
 * then invoices and usage, so a row may refer to an account or service
 * anywhere in the file), checks each row, and sends the good ones to the
 * staff API with bounded concurrency. Every bad row is reported with its
 * line and the problem's detail; the others land. Memory stays flat however
 * long the file is: only external ids are remembered between passes.
 */

import { describeProblem, parseLine, type Row, type RowKind, type RowProblem } from './rows.ts';
import type { ApiAnswer, StaffApi } from './staff-api.ts';

/** 201 created; 200 found by its id and updated where it differed; a usage batch landed. */
export type RowOutcome = 'created' | 'reloaded' | 'usage' | 'failed';

export interface ImportEvents {
  /** A row is finished (landed or failed): for progress. */
  rowDone(outcome: RowOutcome): void;
  /** A row failed: `line 12: …`. */
  problem(message: string): void;
}

export interface ImportOptions {
  /** A fresh read of the file's lines on every call (one per pass). */
  lines: () => AsyncIterable<string>;
  api: StaffApi;
  concurrency: number;
  events: ImportEvents;
}

export interface ImportSummary {
  rows: number;
  created: number;
  reloaded: number;
  usage: number;
  failed: number;
}

const PASSES: readonly (readonly RowKind[])[] = [['account'], ['service'], ['invoice', 'usage']];

/** A row that cannot be sent or that the API refused, with what to tell the operator. */
class RowFailure extends Error {
  constructor(readonly problem: RowProblem) {
    super(problem.detail);
  }
}

const apiProblem = (answer: ApiAnswer): RowProblem => {
  const { status } = answer;
  const { title, detail, errors } = answer.body as {
    title?: string;
    detail?: string;
    errors?: RowProblem['errors'];
  };
  return {
    detail: `${status} ${title ?? 'error'}: ${detail ?? 'no detail given'}`,
    ...(Array.isArray(errors) ? { errors } : {}),
  };
};

const expectOk = (answer: ApiAnswer): ApiAnswer => {
  if (answer.status >= 200 && answer.status < 300) return answer;
  throw new RowFailure(apiProblem(answer));
};

const path = (...segments: string[]) =>
  segments.map((segment) => encodeURIComponent(segment)).join('/');

/** Counts the rows (non-blank, non-comment lines) so progress can show a total. */
export const countRows = async (lines: AsyncIterable<string>): Promise<number> => {
  let rows = 0;
  for await (const line of lines) {
    const text = line.trim();
    if (text !== '' && !text.startsWith('#')) rows += 1;
  }
  return rows;
};

export const runImport = async (options: ImportOptions): Promise<ImportSummary> => {
  const { api, events } = options;
  const summary: ImportSummary = { rows: 0, created: 0, reloaded: 0, usage: 0, failed: 0 };
  /** External id → account id (or the line whose account row failed). */
  const accounts = new Map<string, Promise<string>>();
  const services = new Map<string, Promise<{ accountId: string; serviceId: string }>>();

  const lookUp = async (kind: 'account' | 'service', externalId: string) => {
    const answer = await api.send('GET', `/staff/external-ids/${path(kind, externalId)}`);
    if (answer.status === 404) {
      throw new RowFailure({
        detail: `No ${kind} has the externalId ${externalId}; load it first (a "kind":"${kind}" row).`,
      });
    }
    return expectOk(answer).body as { accountId: string; serviceId: string };
  };

  const accountOf = (externalId: string) => {
    let known = accounts.get(externalId);
    if (!known) {
      known = lookUp('account', externalId).then((target) => target.accountId);
      accounts.set(externalId, known);
    }
    return known;
  };

  const serviceOf = (externalId: string) => {
    let known = services.get(externalId);
    if (!known) {
      known = lookUp('service', externalId);
      services.set(externalId, known);
    }
    return known;
  };

  /** Sends one row; says whether it created something (201) or found it by its id (200). */
  const send = async (row: Row, line: number): Promise<Exclude<RowOutcome, 'failed'>> => {
    switch (row.kind) {
      case 'account': {
        const loading = api.send('POST', '/staff/accounts', row.body).then(expectOk);
        // Later rows naming this account wait for it, or learn why it failed.
        const accountId = loading.then(
          (answer) => answer.body.id as string,
          (error: unknown) => {
            throw new RowFailure({
              detail: `Account ${row.body.externalId} did not load (line ${line}): ${(error as Error).message}`,
            });
          }
        );
        accountId.catch(() => undefined);
        accounts.set(row.body.externalId, accountId);
        return (await loading).status === 201 ? 'created' : 'reloaded';
      }
      case 'service': {
        const accountId = await accountOf(row.account);
        const answer = expectOk(
          await api.send('POST', `/staff/accounts/${path(accountId)}/services`, row.body)
        );
        services.set(
          row.body.externalId,
          Promise.resolve({ accountId, serviceId: answer.body.id as string })
        );
        return answer.status === 201 ? 'created' : 'reloaded';
      }
      case 'invoice': {
        const accountId = await accountOf(row.account);
        const answer = expectOk(
          await api.send('POST', `/staff/accounts/${path(accountId)}/invoices`, row.body)
        );
        return answer.status === 201 ? 'created' : 'reloaded';
      }
      case 'usage': {
        const [accountId, service] = await Promise.all([
          accountOf(row.account),
          serviceOf(row.service),
        ]);
        if (service.accountId !== accountId) {
          throw new RowFailure({
            detail: `Service ${row.service} is not a service of account ${row.account}.`,
          });
        }
        expectOk(
          await api.send(
            'POST',
            `/staff/accounts/${path(accountId, 'services', service.serviceId)}/usage`,
            row.body
          )
        );
        return 'usage';
      }
    }
  };

  const fail = (line: number, problem: RowProblem) => {
    summary.failed += 1;
    events.problem(describeProblem(line, problem));
    events.rowDone('failed');
  };

  const finish = async (row: Row, line: number) => {
    try {
      const outcome = await send(row, line);
      summary[outcome] += 1;
      events.rowDone(outcome);
    } catch (error) {
      fail(
        line,
        error instanceof RowFailure ? error.problem : { detail: `request failed: ${String(error)}` }
      );
    }
  };

  for (const [index, kinds] of PASSES.entries()) {
    const inFlight = new Set<Promise<void>>();
    let line = 0;
    for await (const text of options.lines()) {
      line += 1;
      const parsed = parseLine(text);
      if (parsed.outcome === 'blank') continue;
      if (index === 0) summary.rows += 1;
      if (parsed.outcome === 'bad') {
        // Reported once: in the pass of its kind, or the first pass when it has none.
        const pass = parsed.kind ? PASSES.findIndex((p) => p.includes(parsed.kind as RowKind)) : 0;
        if (pass === index) fail(line, parsed.problem);
        continue;
      }
      if (!kinds.includes(parsed.row.kind)) continue;
      const task = finish(parsed.row, line).finally(() => inFlight.delete(task));
      inFlight.add(task);
      if (inFlight.size >= options.concurrency) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  }
  return summary;
};
