/**
 * One line of an import file: a JSON object with a `kind`, checked with the
 * staff API's own request schemas so a bad row is caught before it is sent
 * and reported the same way the API would report it.
 *
 *   {"kind":"account", ...POST /staff/accounts body}
 *   {"kind":"service","account":"<account externalId>", ...POST …/services body}
 *   {"kind":"invoice","account":"<account externalId>", ...POST …/invoices body}
 *   {"kind":"usage","account":"<account externalId>","service":"<service externalId>", ...POST …/usage body}
 */
import type * as z from 'zod/mini';
import { toFieldErrors } from '#core/platform/field-errors';
import {
  type AccountLoad,
  accountLoadSchema,
  externalIdSchema,
  type InvoiceLoad,
  invoiceLoadSchema,
  type ServiceLoad,
  serviceLoadSchema,
  type UsageLoad,
  usageLoadSchema,
} from '../../functions/staff/schemas.ts';

export const ROW_KINDS = ['account', 'service', 'invoice', 'usage'] as const;
export type RowKind = (typeof ROW_KINDS)[number];

export type Row =
  | { kind: 'account'; body: AccountLoad }
  | { kind: 'service'; account: string; body: ServiceLoad }
  | { kind: 'invoice'; account: string; body: InvoiceLoad }
  | { kind: 'usage'; account: string; service: string; body: UsageLoad };

export interface RowProblem {
  /** What went wrong, in one line. */
  detail: string;
  errors?: { field: string; message: string }[];
}

export type ParsedLine =
  | { outcome: 'row'; row: Row }
  | { outcome: 'blank' }
  | { outcome: 'bad'; kind?: RowKind; problem: RowProblem };

/** The fields a row adds to the API body to say where it goes. */
const REFERENCES: Record<RowKind, readonly string[]> = {
  account: [],
  service: ['account'],
  invoice: ['account'],
  usage: ['account', 'service'],
};

const SCHEMAS = {
  account: accountLoadSchema,
  service: serviceLoadSchema,
  invoice: invoiceLoadSchema,
  usage: usageLoadSchema,
} as const;

const isKind = (value: unknown): value is RowKind =>
  typeof value === 'string' && (ROW_KINDS as readonly string[]).includes(value);

const invalid = (kind: RowKind | undefined, errors: RowProblem['errors']): ParsedLine => ({
  outcome: 'bad',
  kind,
  problem: { detail: 'The row has invalid fields.', errors },
});

/** Parses and checks one line; blank lines (and `#` comments) are skipped. */
export const parseLine = (line: string): ParsedLine => {
  const text = line.trim();
  if (text === '' || text.startsWith('#')) return { outcome: 'blank' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { outcome: 'bad', problem: { detail: 'The line is not valid JSON.' } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { outcome: 'bad', problem: { detail: 'The line is not a JSON object.' } };
  }
  const { kind, ...rest } = value as Record<string, unknown>;
  if (!isKind(kind)) {
    return {
      outcome: 'bad',
      problem: { detail: `Give the row a "kind": one of ${ROW_KINDS.join(', ')}.` },
    };
  }
  const body: Record<string, unknown> = { ...rest };
  const references: Record<string, string> = {};
  const errors: { field: string; message: string }[] = [];
  for (const field of REFERENCES[kind]) {
    const reference = externalIdSchema.safeParse(body[field]);
    if (reference.success) references[field] = reference.data;
    else errors.push({ field, message: `Name the ${field} by its externalId.` });
    delete body[field];
  }
  const parsed = (SCHEMAS[kind] as z.ZodMiniType).safeParse(body, { reportInput: true });
  if (!parsed.success) errors.push(...toFieldErrors(parsed.error.issues));
  if (errors.length) return invalid(kind, errors);
  return { outcome: 'row', row: { kind, ...references, body: parsed.data } as Row };
};

/** `line 12: The row has invalid fields. (contractNumbers.0: Must not be empty.)` */
export const describeProblem = (line: number, problem: RowProblem): string => {
  const fields = problem.errors?.map((error) => `${error.field}: ${error.message}`) ?? [];
  return `line ${line}: ${problem.detail}${fields.length ? ` (${fields.join('; ')})` : ''}`;
};
