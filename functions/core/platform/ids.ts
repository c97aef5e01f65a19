/**
 * Time-sortable opaque ids (the ULID layout): 10 characters of millisecond
 * time then 16 of randomness, in Crockford base32. Ids made later sort
 * later as plain strings, so a key ending in one lists newest-first with a
 * reverse Query; the 80 random bits keep them unguessable.
 */
import { randomBytes } from 'node:crypto';
import { now } from './clock.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10;
const RANDOM_CHARS = 16;

const encodeTime = (ms: number): string => {
  let rest = ms;
  let out = '';
  for (let i = 0; i < TIME_CHARS; i++) {
    out = ALPHABET.charAt(rest % 32) + out;
    rest = Math.floor(rest / 32);
  }
  return out;
};

const encodeRandom = (): string => {
  const bytes = randomBytes(RANDOM_CHARS);
  let out = '';
  // 5 bits per character: the low 5 bits of each byte are uniform.
  for (const byte of bytes) out += ALPHABET.charAt(byte & 31);
  return out;
};

export const SORTABLE_ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export const sortableId = (at: Date = now()): string => encodeTime(at.getTime()) + encodeRandom();

/** A path id that cannot be one of ours is answered like a missing one, without a read. */
export const isSortableId = (value: string): boolean => SORTABLE_ID_PATTERN.test(value);
