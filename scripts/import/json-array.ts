/**
 * The import also takes a JSON array (`[ {...}, {...} ]`), the shape many
 * exports have: each item is placed on the line it starts on, so the runner
 * sees the same "one row per line" it reads from JSON Lines and problems are
 * still reported by line. Items must start on lines of their own (a
 * minified array on one line cannot name a line per row).
 */

export class JsonArrayLayoutError extends Error {}

/** True when the file's first non-blank character opens an array. */
export const looksLikeJsonArray = (text: string): boolean => text.trimStart().startsWith('[');

/**
 * One entry per line of `text`: the compact JSON of the item starting on
 * that line, or '' (a blank line, which the runner skips). Text that is not
 * valid JSON is handed on as it stands from the item's first line, so the
 * runner reports it like a bad JSON line.
 */
export const arrayAsLines = (text: string): string[] => {
  const lineCount = text.split('\n').length;
  const lines = new Array<string>(lineCount).fill('');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    lines[0] = text.split('\n')[0] ?? '';
    return lines;
  }
  if (!Array.isArray(parsed)) throw new JsonArrayLayoutError('The file is not a JSON array.');
  const starts = itemStartLines(text);
  parsed.forEach((item, index) => {
    const line = starts[index] ?? 0;
    if (lines[line] !== '') {
      throw new JsonArrayLayoutError(
        `Items ${index} and another start on line ${line + 1}: put each item on a line of its own, or convert to JSON Lines (jq -c '.[]' file.json).`
      );
    }
    lines[line] = JSON.stringify(item);
  });
  return lines;
};

/** 0-based line of each top-level item of a valid JSON array. */
const itemStartLines = (text: string): number[] => {
  const starts: number[] = [];
  let line = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let expectingItem = false;
  for (const char of text) {
    if (char === '\n') line += 1;
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
      continue;
    }
    if (/\s/.test(char)) continue;
    if (depth === 1 && expectingItem && char !== ']') {
      starts.push(line);
      expectingItem = false;
    }
    if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      depth += 1;
      if (depth === 1) expectingItem = true;
    } else if (char === ']' || char === '}') depth -= 1;
    else if (char === ',' && depth === 1) expectingItem = true;
  }
  return starts;
};
