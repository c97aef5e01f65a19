/**
 * Names in the order people expect a list of them: without case or
 * accents, last name first. Lists sort by a key built from them (the
 * contacts' gsi2 sort key), so the order is DynamoDB's own.
 */

/** Letters that have no decomposition into a base letter and marks. */
const UNDECOMPOSED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Past this, two names sort as equal (the id still orders them); keeps the key small. */
const FOLDED_MAX = 120;

/** A name as lists sort it: without case or accents (`Ñúñez` → `nunez`), spaces collapsed. */
export const foldName = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => UNDECOMPOSED[letter] ?? letter)
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, FOLDED_MAX);

/**
 * Sorts below every character a name may hold (names refuse control
 * characters), so `Smith` comes before `Smith Jones` whatever the first names.
 */
const NAME_SEPARATOR = '\u0001';

/** Last name, first name, then the id for a stable order among equal names. */
export const nameSortKey = (lastName: string, firstName: string, id: string) =>
  [foldName(lastName), foldName(firstName), id].join(NAME_SEPARATOR);
