/**
 * The inbound function's handler on a given store, every raw key holding
 * `raw`: for events whose mail the test does not have (SES samples).
 */

import * as clock from '#core/platform/clock';
import type { TableStore } from '#core/table/store';
import type { SesReceiptEvent } from '../../functions/inbound/event.ts';
import { inboundHandler } from '../../functions/inbound/handler.ts';
import { SUPPORT } from './inbound.ts';

export const handlerOn = (store: TableStore, raw: Buffer) => (event: unknown) =>
  inboundHandler({
    store,
    files: { getObject: async () => raw, putObject: async () => undefined },
    supportAddress: SUPPORT,
    ownDomains: ['unit.example'],
    now: clock.now,
  })(event as SesReceiptEvent);
