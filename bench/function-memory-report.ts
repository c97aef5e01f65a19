/** The markdown of the memory, duration and capacity measurement (bench/function-memory.ts). */
import type { FunctionMemoryResult } from './function-memory.ts';
import { formatMs } from './stats.ts';

const row = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`;
const header = (cells: string[]): string[] => [row(cells), row(cells.map(() => '---'))];
const units = (n: number) => String(Math.round(n * 100) / 100);

export const renderFunctionMemoryMarkdown = (result: FunctionMemoryResult): string =>
  [
    '',
    `**Memory and duration per function** (the deployed bundle in a fresh \`node\`, ${result.requestsPerFunction} requests one after another against DynamoDB Local; peak RSS stands in for Lambda's Max Memory Used)`,
    '',
    ...header([
      'function',
      'RSS: node / after import / peak',
      'V8 heap peak',
      'first request',
      'warm p50 / p95',
      `peak × ${result.headroom}`,
      'memory (lib/function-memory.ts)',
      'result',
    ]),
    ...result.functions.map((f) =>
      row([
        f.name,
        `${f.rssBeforeImportMb} / ${f.rssAfterImportMb} / ${f.peakRssMb} MB`,
        `${f.heapPeakMb} MB`,
        formatMs(f.firstRequestMs),
        `${formatMs(f.duration.p50)} / ${formatMs(f.duration.p95)}`,
        `${Math.round(f.peakRssMb * result.headroom)} MB`,
        f.configuredMb === undefined ? 'stage default' : `${f.configuredMb} MB`,
        f.problems.length === 0 ? 'ok' : '**over**',
      ])
    ),
    '',
    '**Per route** (warm time in the bundle; DynamoDB calls and the units DynamoDB reported with `ReturnConsumedCapacity: TOTAL`, one request)',
    '',
    ...header(['route', 'function', 'p50 / p95', 'reads, writes', 'read units', 'write units']),
    ...result.routes.map((r) =>
      row([
        `\`${r.route}\``,
        r.function,
        `${formatMs(r.duration.p50)} / ${formatMs(r.duration.p95)}`,
        `${r.reads}, ${r.writes}`,
        units(r.readUnits),
        units(r.writeUnits),
      ])
    ),
    '',
  ].join('\n');
