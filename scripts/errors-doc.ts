/**
 * docs/errors.md from the problem catalogue and its guide, so the page a
 * portal team reads can never drift from the types the API sends.
 */

import { FIELD_CODES } from '#core/platform/field-errors';
import { FIELD_CODE_GUIDE, PROBLEM_GUIDE } from '#core/platform/problem-guide';
import {
  PROBLEM,
  PROBLEM_TYPE_BASE,
  type ProblemName,
  type ProblemType,
} from '#core/platform/problem-types';

const STATUS_NAMES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal error',
};

/** Table cells hold no pipes or line breaks. */
const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** A Markdown table, its columns padded as the formatter (Biome) pads them. */
const table = (header: string[], rows: string[][]) => {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0))
  );
  const line = (cells: string[]) =>
    `| ${cells.map((text, column) => text.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
};

const entries = Object.entries(PROBLEM) as [ProblemName, ProblemType][];

const statusSection = (status: number) => [
  `### ${status} ${STATUS_NAMES[status] ?? ''}`.trim(),
  '',
  ...table(
    ['type', 'title', 'when', 'what a client does'],
    entries
      .filter(([, problem]) => problem.status === status)
      .map(([name, problem]) => [
        `\`${problem.slug}\``,
        cell(problem.title),
        cell(PROBLEM_GUIDE[name].when),
        cell(PROBLEM_GUIDE[name].todo),
      ])
  ),
  '',
];

export const renderErrorsDocument = () => {
  const statuses = [...new Set(entries.map(([, problem]) => problem.status))].sort((a, b) => a - b);
  return [
    '# Errors',
    '',
    'Written by `npm run openapi` from `functions/core/platform/problem-types.ts` and',
    '`functions/core/platform/problem-guide.ts`; edit those, not this page.',
    '',
    'Every error is `application/problem+json` (RFC 9457). Its `type` names the',
    `failure: \`${PROBLEM_TYPE_BASE}<type>\`, one of the types below, stable`,
    'across versions. Branch and localise on `type` (and on the field codes),',
    'never on `title` or `detail`, which are English and may be reworded. The',
    'OpenAPI document lists, per status, the types a response of that status',
    'can be (`Problem409`, ...).',
    '',
    '## Problem types',
    '',
    ...statuses.flatMap(statusSection),
    '## Field codes',
    '',
    'A 400 `validation-failed` (and a 422) lists `errors: [{ field, code, message }]`:',
    '`field` is the JSON path (`address.postcode`, `(body)` for the body as a',
    'whole), `code` one of these, `message` the same in English. `not_allowed`',
    'adds `allowed` (the values the field takes), the size codes add `minimum`',
    'or `maximum`.',
    '',
    ...table(
      ['code', 'meaning'],
      FIELD_CODES.map((code) => [`\`${code}\``, cell(FIELD_CODE_GUIDE[code])])
    ),
    '',
  ].join('\n');
};
