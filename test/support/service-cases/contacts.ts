/**
 * The rules of the contacts service as cases on any TableStore: run on the
 * in-memory table (unit) and on DynamoDB Local (integration). Each case
 * writes its own fresh accounts.
 */
import { describe } from 'vitest';
import type { TableStore } from '#core/table/store';
import { contactAttacks } from './contact-attacks.ts';
import { contactRules } from './contact-rules.ts';

export const describeContacts = (name: string, open: () => TableStore) =>
  describe(`${name}: contacts`, () => {
    contactRules(open);
    contactAttacks(open);
  });
