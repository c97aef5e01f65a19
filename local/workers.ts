/**
 * The stream consumers Lambda would run in AWS, driven locally by the
 * stream poller with the same filters as their CDK event sources. Import
 * only after applyLocalStackEnv: the handlers read their settings on load.
 */
import type { LocalStackInfo } from '../scripts/local-stack/env.ts';
import { startStreamPoller } from './stream-poller.ts';

export const startWorkers = async (stack: LocalStackInfo, log?: (line: string) => void) => {
  const [outbox, notify, { OUTBOX_STREAM_FILTER }, { TICKET_EVENT_STREAM_FILTER }] =
    await Promise.all([
      import('../functions/outbox/handler.ts'),
      import('../functions/notify/handler.ts'),
      import('#core/entities/outbox'),
      import('#core/entities/ticket-event'),
    ]);
  const poll = (filter: unknown, handler: typeof outbox.handler) =>
    startStreamPoller({
      endpoint: stack.dynamodbEndpoint,
      region: stack.region,
      tableName: stack.tableName,
      filter,
      handler,
      log,
    });
  const pollers = [
    await poll(OUTBOX_STREAM_FILTER, outbox.handler),
    await poll(TICKET_EVENT_STREAM_FILTER, notify.handler),
  ];
  return { stop: async () => void (await Promise.all(pollers.map((poller) => poller.stop()))) };
};
