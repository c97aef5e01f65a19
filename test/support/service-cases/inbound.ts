/**
 * The inbound mail rules as cases on any TableStore: run on the in-memory
 * table (unit) and on DynamoDB Local (integration). Each case writes its
 * own accounts with addresses of its own, so cases never meet.
 */
import { describe } from 'vitest';
import type { TableStore } from '#core/table/store';
import { inboundSenders } from './inbound-senders.ts';
import { inboundThreads } from './inbound-threads.ts';

export const describeInbound = (name: string, open: () => TableStore) =>
  describe(`${name}: inbound mail`, () => {
    inboundSenders(open);
    inboundThreads(open);
  });
