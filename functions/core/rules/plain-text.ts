/**
 * Text no typed field may hold: C0 and C1 controls (CR, LF and TAB among
 * them), DEL, the line and paragraph separators U+2028/U+2029, and the
 * bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) that make text display other than it reads. Multi-line
 * text may keep tabs and line breaks (CR, LF), nothing else of these.
 * The API refuses such text (patterns, so the OpenAPI document shows the
 * rule); inbound mail, which cannot be sent back for correction, has them
 * removed. Ticket text limits live here for the same two readers.
 */
export type TextKind = 'single-line' | 'multi-line';

const DIRECTION_MARKS = '\\u2028-\\u202e\\u2066-\\u2069';
const FORBIDDEN_RANGES: Record<TextKind, string> = {
  'single-line': `\\u0000-\\u001f\\u007f-\\u009f${DIRECTION_MARKS}`,
  'multi-line': `\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f${DIRECTION_MARKS}`,
};

export const PLAIN_TEXT_PATTERN = {
  'single-line': new RegExp(`^[^${FORBIDDEN_RANGES['single-line']}]*$`),
  'multi-line': new RegExp(`^[^${FORBIDDEN_RANGES['multi-line']}]*$`),
} as const;

const FORBIDDEN = {
  'single-line': new RegExp(`[${FORBIDDEN_RANGES['single-line']}]+`, 'g'),
  'multi-line': new RegExp(`[${FORBIDDEN_RANGES['multi-line']}]+`, 'g'),
} as const;

export const hasForbiddenCharacter = (text: string, kind: TextKind) =>
  !PLAIN_TEXT_PATTERN[kind].test(text);

/** The text with every forbidden run replaced: by a space on one line, removed in a body. */
export const withoutForbidden = (text: string, kind: TextKind) =>
  text.replace(FORBIDDEN[kind], kind === 'single-line' ? ' ' : '');

/** Limits also keep a whole conversation within one Lambda response (docs/tickets.md). */
export const TICKET_SUBJECT_MAX = 200;
export const TICKET_BODY_MAX = 10_000;
