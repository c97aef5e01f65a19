/**
 * Entity attributes declared once. An entity module lists its attributes
 * with their types here; its TypeScript type, its item reader and its item
 * writer all derive from that list, so a field is never mapped by hand in
 * three places, and an item that does not hold what the declaration says
 * fails loudly at the read instead of travelling on as a wrong type.
 */

type Item = Record<string, unknown>;

export interface Attribute<T, IsOptional extends boolean = false> {
  /** Reads the stored value (undefined when the item has none) into its type, or throws. */
  readonly read: (value: unknown, item: Item) => T;
  readonly optional: IsOptional;
}

/** An item that does not hold what its entity declares: a bug or a hand edit, never user input. */
export class ItemShapeError extends Error {
  constructor(entity: string, attribute: string, expected: string) {
    super(`${entity} item: attribute "${attribute}" is not ${expected}`);
    this.name = 'ItemShapeError';
  }
}

/** Thrown by the readers below, completed with the entity and attribute by `readItem`. */
class Mismatch extends Error {
  constructor(readonly expected: string) {
    super(expected);
  }
}

const required = <T>(read: (value: unknown, item: Item) => T): Attribute<T> => ({
  read,
  optional: false,
});

const checked =
  <T>(expected: string, is: (value: unknown) => value is T) =>
  (value: unknown): T => {
    if (!is(value)) throw new Mismatch(expected);
    return value;
  };

const isString = (value: unknown): value is string => typeof value === 'string';
const isInteger = (value: unknown): value is number => Number.isSafeInteger(value);
const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

export const text = () => required(checked('a string', isString));
export const integer = () => required(checked('an integer', isInteger));
export const number = () => required(checked('a number', isNumber));
export const flag = () =>
  required(checked('a boolean', (value): value is boolean => typeof value === 'boolean'));

export const oneOf = <const Values extends readonly string[]>(values: Values) =>
  required(
    checked(
      `one of ${values.join(', ')}`,
      (value): value is Values[number] => typeof value === 'string' && values.includes(value)
    )
  );

export const textList = () =>
  required(
    checked(
      'a list of strings',
      (value): value is string[] => Array.isArray(value) && value.every(isString)
    )
  );

/**
 * A nested value whose shape the entity module owns (an actor, a change
 * list...): checked to be an object, typed by the declaration.
 */
export const shaped = <T extends object>() =>
  required(
    checked('an object', (value): value is T => typeof value === 'object' && value !== null)
  );

/** A list of nested values whose shape the entity module owns (lines, assigned services...). */
export const shapedList = <T extends object>() =>
  required(
    checked(
      'a list of objects',
      (value): value is T[] =>
        Array.isArray(value) && value.every((entry) => typeof entry === 'object' && entry !== null)
    )
  );

/** May hold null on purpose (a stored "none"), read as null rather than refused. */
export const nullable = <T>(attribute: Attribute<T>): Attribute<T | null> => ({
  read: (value, item) => (value === null ? null : attribute.read(value, item)),
  optional: false,
});

/** Absent on some items: read as missing, and left out of the entity rather than set to undefined. */
export const optional = <T>(attribute: Attribute<T>): Attribute<T | undefined, true> => ({
  read: (value, item) => (value === undefined ? undefined : attribute.read(value, item)),
  optional: true,
});

/** Items written before the attribute existed read as `fallback` (a value, or one derived from the item). */
export const withDefault = <T>(
  attribute: Attribute<T>,
  fallback: T | ((item: Item) => T)
): Attribute<T> => ({
  read: (value, item) =>
    value === undefined
      ? typeof fallback === 'function'
        ? (fallback as (item: Item) => T)(item)
        : fallback
      : attribute.read(value, item),
  optional: false,
});

// biome-ignore lint/suspicious/noExplicitAny: any attribute, whatever it holds
type AnyAttribute = Attribute<any, boolean>;
export type Attributes = Record<string, AnyAttribute>;

type ValueOf<A> = A extends Attribute<infer T, boolean> ? Exclude<T, undefined> : never;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The entity type an attribute list declares: optional attributes are optional properties. */
export type EntityOf<S extends Attributes> = Simplify<
  { [K in keyof S as S[K]['optional'] extends true ? never : K]: ValueOf<S[K]> } & {
    [K in keyof S as S[K]['optional'] extends true ? K : never]?: ValueOf<S[K]>;
  }
>;

/** Reads an item into its entity: every declared attribute, nothing else. */
export const readItem = <S extends Attributes>(
  entity: string,
  attributes: S,
  item: Item
): EntityOf<S> => {
  const out: Item = {};
  for (const [name, attribute] of Object.entries(attributes)) {
    try {
      const value = attribute.read(item[name], item);
      if (value !== undefined) out[name] = value;
    } catch (error) {
      if (error instanceof Mismatch) throw new ItemShapeError(entity, name, error.expected);
      throw error;
    }
  }
  return out as EntityOf<S>;
};

/** The declared attributes of an entity value, for writing (keys and the entity tag are the caller's). */
export const attributesOf = <S extends Attributes>(
  attributes: S,
  value: NoInfer<EntityOf<S>>
): EntityOf<S> => {
  const out: Item = {};
  const given = value as Item;
  for (const name of Object.keys(attributes)) {
    if (given[name] !== undefined) out[name] = given[name];
  }
  return out as EntityOf<S>;
};
