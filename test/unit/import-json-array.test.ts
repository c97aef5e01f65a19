import { describe, expect, it } from 'vitest';
import { arrayAsLines, looksLikeJsonArray } from '../../scripts/import/json-array.ts';

describe('import of a JSON array', () => {
  it('places each item on the line it starts on, blank elsewhere', () => {
    // Prepare
    const text = [
      '[',
      '  { "kind": "account", "name": "A, [not] {a} \\"bracket\\"" },',
      '  {',
      '    "kind": "service",',
      '    "label": "x"',
      '  },',
      '  {"kind":"invoice"}',
      ']',
    ].join('\n');

    // Act
    const lines = arrayAsLines(text);

    // Assess
    expect(looksLikeJsonArray(text)).toBe(true);
    expect(lines).toEqual([
      '',
      '{"kind":"account","name":"A, [not] {a} \\"bracket\\""}',
      '{"kind":"service","label":"x"}',
      '',
      '',
      '',
      '{"kind":"invoice"}',
      '',
    ]);
  });

  it('refuses a minified array, whose items share a line, with how to fix it', () => {
    // Act / Assess
    expect(() => arrayAsLines('[{"kind":"account"},{"kind":"service"}]')).toThrow(
      /start on line 1: put each item on a line of its own/
    );
  });

  it('hands broken JSON on as a bad first line, and tells JSON Lines apart', () => {
    // Act / Assess
    expect(arrayAsLines('[\n{"kind":')).toEqual(['[', '']);
    expect(looksLikeJsonArray('{"kind":"account"}\n')).toBe(false);
  });
});
