/**
 * The checks request schemas use to give a failure its field code
 * (platform/field-errors.ts turns the issues into `errors[]`). Only the
 * schema modules import this: zod loads with a route's schemas, not with
 * every function's cold start.
 */
import * as z from 'zod/mini';
import { type FieldCode, PATTERN_CODES, type RuleParams } from '../platform/field-errors.ts';

interface RuleOptions {
  path?: PropertyKey[];
  abort?: boolean;
  bounds?: Omit<RuleParams, 'code'>;
}

/** A refinement that names its field code: `fieldRule('invalid_date', isDate, 'Use a date.')`. */
export const fieldRule = <T>(
  code: FieldCode,
  ok: (value: T) => boolean,
  message: string,
  { path, abort, bounds }: RuleOptions = {}
) =>
  z.refine<T>(ok, {
    message,
    params: { code, ...bounds },
    ...(path ? { path } : {}),
    ...(abort ? { abort } : {}),
  });

/**
 * A check that may report several issues (one per list item, say), of
 * `code` unless `report(message, path, otherCode)` names another.
 */
export const fieldRules = <T>(
  code: FieldCode,
  check: (
    value: T,
    report: (message: string, path?: PropertyKey[], otherCode?: FieldCode) => void
  ) => void
) => {
  const rule = z.superRefine<T>((value, ctx) =>
    check(value, (message, path = [], otherCode = code) =>
      ctx.addIssue({ code: 'custom', message, path, input: value, params: { code: otherCode } })
    )
  );
  // The rule's code, where a walk of the schema finds it (test/unit/field-errors.test.ts).
  (rule._zod.def as { params?: RuleParams }).params = { code };
  return rule;
};

/** A regex check whose failure is `code`. */
export const fieldPattern = (code: FieldCode, pattern: RegExp, message: string, abort = false) => {
  PATTERN_CODES.set(pattern.toString(), code);
  return z.regex(pattern, { message, abort });
};
