/**
 * The rules of the tickets area as cases on any TableStore: run on the
 * in-memory table (unit) and on DynamoDB Local (integration). Each case
 * writes its own fresh accounts; the helpdesk queue is shared, so queue
 * cases look only at their own tickets.
 */
import { describe } from 'vitest';
import type { TableStore } from '#core/table/store';
import { ticketAttacks } from './ticket-attacks.ts';
import { ticketRules } from './ticket-rules.ts';
import { ticketVisibility } from './ticket-visibility.ts';

export const describeTickets = (name: string, open: () => TableStore) =>
  describe(`${name}: tickets`, () => {
    ticketRules(open);
    ticketVisibility(open);
    ticketAttacks(open);
  });
