/**
 * DynamoDB's expression language, as far as Portico's entity modules use it:
 * conditions (comparisons, BETWEEN, IN, attribute_exists/not_exists,
 * begins_with, contains, size, AND/OR/NOT) and updates (SET with `+`/`-`,
 * if_not_exists and list_append; REMOVE; ADD; DELETE). Anything else throws,
 * so a builder that starts using more fails its unit test loudly instead of
 * being judged wrongly.
 */

export type Item = Record<string, unknown>;
export interface ExpressionContext {
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

type Token = { kind: 'word' | 'name' | 'value' | 'op' | 'punct'; text: string };

const tokenize = (source: string): Token[] => {
  const tokens: Token[] = [];
  const pattern =
    /\s*(?:(<>|<=|>=|=|<|>|\+|-)|([(),.[\]])|(#[\w]+)|(:[\w]+)|([A-Za-z_][\w]*)|(\d+))/y;
  let at = 0;
  while (at < source.length) {
    if (/^\s*$/.test(source.slice(at))) break;
    pattern.lastIndex = at;
    const match = pattern.exec(source);
    if (!match) throw new Error(`memory table: cannot read expression at "${source.slice(at)}"`);
    at = pattern.lastIndex;
    if (match[1]) tokens.push({ kind: 'op', text: match[1] });
    else if (match[2]) tokens.push({ kind: 'punct', text: match[2] });
    else if (match[3]) tokens.push({ kind: 'name', text: match[3] });
    else if (match[4]) tokens.push({ kind: 'value', text: match[4] });
    else tokens.push({ kind: 'word', text: match[5] ?? match[6] ?? '' });
  }
  return tokens;
};

class Reader {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly context: ExpressionContext
  ) {}
  peek(offset = 0): Token | undefined {
    return this.tokens[this.at + offset];
  }
  next(): Token {
    const token = this.tokens[this.at++];
    if (!token) throw new Error('memory table: expression ends too early');
    return token;
  }
  expect(text: string): void {
    const token = this.next();
    if (token.text.toUpperCase() !== text)
      throw new Error(`memory table: expected ${text}, got ${token.text}`);
  }
  isWord(text: string, offset = 0): boolean {
    return this.peek(offset)?.kind === 'word' && this.peek(offset)?.text.toUpperCase() === text;
  }
  done(): boolean {
    return this.at >= this.tokens.length;
  }
  nameOf(token: Token): string {
    if (token.kind === 'name') {
      const name = this.context.names?.[token.text];
      if (name === undefined) throw new Error(`memory table: ${token.text} has no name`);
      return name;
    }
    return token.text;
  }
  value(token: Token): unknown {
    if (!this.context.values || !(token.text in this.context.values))
      throw new Error(`memory table: ${token.text} has no value`);
    return this.context.values[token.text];
  }
  /** An attribute path: `a`, `#a.#b`, `a[0]`. */
  path(): (string | number)[] {
    const path: (string | number)[] = [this.nameOf(this.next())];
    for (;;) {
      if (this.peek()?.text === '.') {
        this.next();
        path.push(this.nameOf(this.next()));
      } else if (this.peek()?.text === '[') {
        this.next();
        path.push(Number(this.next().text));
        this.expect(']');
      } else return path;
    }
  }
}

const read = (item: Item | undefined, path: (string | number)[]): unknown =>
  path.reduce<unknown>(
    (value, step) =>
      value !== null && typeof value === 'object'
        ? (value as Record<string | number, unknown>)[step]
        : undefined,
    item
  );

const write = (item: Item, path: (string | number)[], value: unknown): void => {
  let target = item as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) {
    const next = target[step];
    if (next === null || typeof next !== 'object')
      throw new Error('memory table: the document path does not exist');
    target = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete target[last];
  else target[last] = value;
};

const compare = (left: unknown, right: unknown): number | undefined => {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  if (typeof left === 'string' && typeof right === 'string')
    return left < right ? -1 : left > right ? 1 : 0;
  return undefined;
};

const sizeOf = (value: unknown): number | undefined => {
  if (typeof value === 'string' || Array.isArray(value)) return value.length;
  if (value instanceof Set) return value.size;
  if (value !== null && typeof value === 'object') return Object.keys(value).length;
  return undefined;
};

const same = (left: unknown, right: unknown): boolean =>
  JSON.stringify(left instanceof Set ? [...left].sort() : left) ===
  JSON.stringify(right instanceof Set ? [...right].sort() : right);

/** An operand of a condition: a path, a value or size(path). */
const operand = (reader: Reader, item: Item | undefined): unknown => {
  const token = reader.peek();
  if (token?.kind === 'value') return reader.value(reader.next());
  if (reader.isWord('SIZE') && reader.peek(1)?.text === '(') {
    reader.next();
    reader.expect('(');
    const value = sizeOf(read(item, reader.path()));
    reader.expect(')');
    return value;
  }
  return read(item, reader.path());
};

const FUNCTIONS: Record<
  string,
  (args: unknown[], paths: ((string | number)[] | undefined)[], item: Item | undefined) => boolean
> = {
  ATTRIBUTE_EXISTS: (_args, paths, item) => read(item, paths[0] ?? []) !== undefined,
  ATTRIBUTE_NOT_EXISTS: (_args, paths, item) => read(item, paths[0] ?? []) === undefined,
  BEGINS_WITH: ([value, prefix]) =>
    typeof value === 'string' && typeof prefix === 'string' && value.startsWith(prefix),
  CONTAINS: ([value, part]) =>
    typeof value === 'string'
      ? typeof part === 'string' && value.includes(part)
      : value instanceof Set
        ? value.has(part)
        : Array.isArray(value) && value.some((entry) => same(entry, part)),
};

const primary = (reader: Reader, item: Item | undefined): boolean => {
  if (reader.peek()?.text === '(') {
    reader.next();
    const result = orExpression(reader, item);
    reader.expect(')');
    return result;
  }
  const word = reader.peek()?.text.toUpperCase() ?? '';
  if (reader.peek()?.kind === 'word' && word in FUNCTIONS && reader.peek(1)?.text === '(') {
    reader.next();
    reader.expect('(');
    const args: unknown[] = [];
    const paths: ((string | number)[] | undefined)[] = [];
    while (reader.peek()?.text !== ')') {
      if (reader.peek()?.kind === 'value') {
        args.push(reader.value(reader.next()));
        paths.push(undefined);
      } else {
        const path = reader.path();
        args.push(read(item, path));
        paths.push(path);
      }
      if (reader.peek()?.text === ',') reader.next();
    }
    reader.expect(')');
    return (FUNCTIONS[word] as (typeof FUNCTIONS)[string])(args, paths, item);
  }
  const left = operand(reader, item);
  if (reader.isWord('BETWEEN')) {
    reader.next();
    const low = operand(reader, item);
    reader.expect('AND');
    const high = operand(reader, item);
    const fromLow = compare(left, low);
    const toHigh = compare(left, high);
    return fromLow !== undefined && toHigh !== undefined && fromLow >= 0 && toHigh <= 0;
  }
  if (reader.isWord('IN')) {
    reader.next();
    reader.expect('(');
    const candidates: unknown[] = [];
    while (reader.peek()?.text !== ')') {
      candidates.push(operand(reader, item));
      if (reader.peek()?.text === ',') reader.next();
    }
    reader.expect(')');
    return candidates.some((candidate) => same(left, candidate));
  }
  const operator = reader.next().text;
  const right = operand(reader, item);
  if (operator === '=') return left !== undefined && same(left, right);
  if (operator === '<>') return left === undefined || !same(left, right);
  const order = compare(left, right);
  if (order === undefined) return false;
  if (operator === '<') return order < 0;
  if (operator === '<=') return order <= 0;
  if (operator === '>') return order > 0;
  if (operator === '>=') return order >= 0;
  throw new Error(`memory table: unknown operator ${operator}`);
};

const notExpression = (reader: Reader, item: Item | undefined): boolean => {
  if (reader.isWord('NOT')) {
    reader.next();
    return !notExpression(reader, item);
  }
  return primary(reader, item);
};

const andExpression = (reader: Reader, item: Item | undefined): boolean => {
  let result = notExpression(reader, item);
  while (reader.isWord('AND')) {
    reader.next();
    // Both sides are read even when the left is false: the reader must move on.
    const right = notExpression(reader, item);
    result = result && right;
  }
  return result;
};

const orExpression = (reader: Reader, item: Item | undefined): boolean => {
  let result = andExpression(reader, item);
  while (reader.isWord('OR')) {
    reader.next();
    const right = andExpression(reader, item);
    result = result || right;
  }
  return result;
};

/** Whether `item` (undefined when there is none) meets the condition. */
export const meetsCondition = (
  expression: string | undefined,
  context: ExpressionContext,
  item: Item | undefined
): boolean => {
  if (!expression) return true;
  const reader = new Reader(tokenize(expression), context);
  const result = orExpression(reader, item);
  if (!reader.done()) throw new Error(`memory table: unread end of "${expression}"`);
  return result;
};

/** A SET value: an operand, if_not_exists(path, value) or list_append(a, b), possibly ± another. */
const setValue = (reader: Reader, item: Item): unknown => {
  const single = (): unknown => {
    if (reader.isWord('IF_NOT_EXISTS')) {
      reader.next();
      reader.expect('(');
      const current = read(item, reader.path());
      reader.expect(',');
      const fallback = single();
      reader.expect(')');
      return current === undefined ? fallback : current;
    }
    if (reader.isWord('LIST_APPEND')) {
      reader.next();
      reader.expect('(');
      const first = single();
      reader.expect(',');
      const second = single();
      reader.expect(')');
      return [...(first as unknown[]), ...(second as unknown[])];
    }
    if (reader.peek()?.kind === 'value') return reader.value(reader.next());
    return read(item, reader.path());
  };
  const left = single();
  const operator = reader.peek()?.text;
  if (operator !== '+' && operator !== '-') return left;
  reader.next();
  const right = single();
  if (typeof left !== 'number' || typeof right !== 'number')
    throw new Error('memory table: arithmetic on a value that is not a number');
  return operator === '+' ? left + right : left - right;
};

const CLAUSES = ['SET', 'REMOVE', 'ADD', 'DELETE'];

/** The item after the update (a new object; `item` is left as it was). */
export const applyUpdate = (expression: string, context: ExpressionContext, item: Item): Item => {
  const updated = structuredClone(item);
  const reader = new Reader(tokenize(expression), context);
  // Every value is computed from the item as it was before the update.
  const writes: [(string | number)[], unknown][] = [];
  while (!reader.done()) {
    const clause = reader.next().text.toUpperCase();
    if (!CLAUSES.includes(clause)) throw new Error(`memory table: unknown update clause ${clause}`);
    do {
      const path = reader.path();
      if (clause === 'SET') {
        reader.expect('=');
        writes.push([path, setValue(reader, item)]);
      } else if (clause === 'REMOVE') {
        writes.push([path, undefined]);
      } else {
        const given = reader.value(reader.next());
        const current = read(item, path);
        if (clause === 'ADD' && typeof given === 'number')
          writes.push([path, (typeof current === 'number' ? current : 0) + given]);
        else if (given instanceof Set) {
          const next = new Set(current instanceof Set ? current : []);
          for (const entry of given) clause === 'ADD' ? next.add(entry) : next.delete(entry);
          writes.push([path, next.size > 0 ? next : undefined]);
        } else throw new Error(`memory table: ${clause} needs a number or a set`);
      }
      if (reader.peek()?.text !== ',') break;
      reader.next();
    } while (!reader.done());
  }
  for (const [path, value] of writes) write(updated, path, value);
  return updated;
};
