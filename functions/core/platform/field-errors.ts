/**
 * Field errors a program can act on: each has a stable `code` besides the
 * English `message`, and the bounds or allowed values that explain it.
 * Portals localise from the code. zod issues are mapped here and only
 * here; refinements say their code through `fieldRule` / `fieldRules`.
 */
import type * as z from 'zod/mini';

/** Every code a field error may carry (the OpenAPI `FieldError.code` enum). */
export const FIELD_CODES = [
  'required',
  'invalid_type',
  'unknown_field',
  'too_short',
  'too_long',
  'too_few',
  'too_many',
  'too_small',
  'too_big',
  'not_integer',
  'pattern',
  'control_characters',
  'invalid_email',
  'invalid_ip',
  'invalid_date',
  'invalid_country',
  'invalid_domain',
  'not_allowed',
  'duplicate',
  'either_or',
  'not_combinable',
  'not_applicable',
  'no_change',
  'date_order',
  'amount_digits',
  'sum_mismatch',
  'code_incorrect',
  'code_expired',
  'weak_password',
  'unknown_reference',
  'already_used',
  'not_uploaded',
  'file_mismatch',
  'invalid',
] as const;

export type FieldCode = (typeof FIELD_CODES)[number];

export interface FieldError {
  /** The JSON path of the field (`address.postcode`), `(body)` for the body as a whole. */
  field: string;
  code: FieldCode;
  message: string;
  /** `not_allowed`: the values the field takes. */
  allowed?: readonly (string | number | boolean)[];
  /** `too_short`, `too_few`, `too_small`: the least accepted. */
  minimum?: number;
  /** `too_long`, `too_many`, `too_big`: the most accepted. */
  maximum?: number;
}

/** What a refinement adds to its issue: its code and, where it helps, a bound or the values. */
export type RuleParams = Pick<FieldError, 'code' | 'allowed' | 'minimum' | 'maximum'>;

/**
 * Patterns whose failure has a code of its own rather than `pattern`
 * (plain text, dates), keyed by the pattern as zod reports it.
 */
export const PATTERN_CODES = new Map<string, FieldCode>();

const FORMAT_CODES: Record<string, FieldCode> = {
  email: 'invalid_email',
  ipv4: 'invalid_ip',
  ipv6: 'invalid_ip',
};

/** zod/mini ships no message catalogue: the generic messages are worded here. */
const typeMessage = (issue: z.core.$ZodIssueInvalidType) => {
  if (issue.input === undefined) return 'This field is required.';
  if (issue.expected === 'int') return issue.message;
  return issue.expected === 'object' ? 'Expected an object.' : `Expected a ${issue.expected}.`;
};

type Coded = Omit<FieldError, 'field' | 'message'>;

const LENGTH_ORIGINS = new Set(['string']);

const codeOf = (issue: z.core.$ZodIssue): Coded => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { code: 'required' };
      return { code: issue.expected === 'int' ? 'not_integer' : 'invalid_type' };
    case 'too_big': {
      const maximum = issue.inclusive === false ? undefined : Number(issue.maximum);
      const code = LENGTH_ORIGINS.has(issue.origin)
        ? 'too_long'
        : issue.origin === 'array'
          ? 'too_many'
          : 'too_big';
      return maximum === undefined ? { code } : { code, maximum };
    }
    case 'too_small': {
      const minimum = issue.inclusive === false ? undefined : Number(issue.minimum);
      const code = LENGTH_ORIGINS.has(issue.origin)
        ? 'too_short'
        : issue.origin === 'array'
          ? 'too_few'
          : 'too_small';
      return minimum === undefined ? { code } : { code, minimum };
    }
    case 'invalid_format':
      if (issue.format === 'regex')
        return { code: PATTERN_CODES.get(String(issue.pattern)) ?? 'pattern' };
      return { code: FORMAT_CODES[issue.format] ?? 'pattern' };
    case 'invalid_value':
      return { code: 'not_allowed', allowed: issue.values as FieldError['allowed'] };
    case 'invalid_union': {
      // The alternatives agree on why (an IP neither v4 nor v6): that is the code.
      const codes = new Set(
        issue.errors.map((branch) => (branch[0] ? codeOf(branch[0]).code : ''))
      );
      const [only] = codes;
      return codes.size === 1 && only ? { code: only as FieldCode } : { code: 'invalid' };
    }
    case 'custom': {
      const params = issue.params as RuleParams | undefined;
      return params?.code ? { ...params } : { code: 'invalid' };
    }
    default:
      return { code: 'invalid' };
  }
};

const messageOf = (issue: z.core.$ZodIssue) =>
  issue.code === 'invalid_type' ? typeMessage(issue) : issue.message;

/** The `errors[]` of a 400 from zod's issues: one per failing field, unknown fields one each. */
export const toFieldErrors = (issues: readonly z.core.$ZodIssue[]): FieldError[] =>
  issues.flatMap((issue): FieldError[] => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: path ? `${path}.${key}` : key,
        code: 'unknown_field' as const,
        message: 'This field is not allowed.',
      }));
    }
    return [{ field: path || '(body)', message: messageOf(issue), ...codeOf(issue) }];
  });
