/**
 * The stream consumers Lambda would run in AWS, driven locally by the
 * stream poller with the same filters as their CDK event sources. Import
 * only after applyLocalStackEnv: the handlers read their settings on load.
 */
import type { LocalStackInfo } from '../scripts/local-stack/env.ts';
import { startStreamPoller } from './stream-poller.ts';

export const startWorkers = async (stack: LocalStackInfo, log?: (line: string) => void) => {
  const { handler } = await import('../functions/outbox/handler.ts');
  const { OUTBOX_STREAM_FILTER } = await import('#core/entities/outbox');
  const outbox = await startStreamPoller({
    endpoint: stack.dynamodbEndpoint,
    region: stack.region,
    tableName: stack.tableName,
    filter: OUTBOX_STREAM_FILTER,
    handler,
    log,
  });
  return { stop: () => outbox.stop() };
};
