/**
 * The rules of support assignment as cases on any TableStore: run on the
 * in-memory table (unit) and on DynamoDB Local (integration). Each case
 * writes its own fresh account.
 */
import { describe } from 'vitest';
import type { TableStore } from '#core/table/store';
import { supportAssignmentAttacks } from './support-assignment-attacks.ts';
import { supportAssignmentRules } from './support-assignment-rules.ts';

export const describeSupportAssignment = (name: string, open: () => TableStore) =>
  describe(`${name}: support assignment`, () => {
    supportAssignmentRules(open);
    supportAssignmentAttacks(open);
  });
