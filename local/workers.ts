/**
 * The stream consumers Lambda would run in AWS, driven locally by the
 * stream poller with the same filters as their CDK event sources. A record
 * that fails its last attempt is parked in a local file in the shape of the
 * SQS dead-letter message (scripts/local-stack/dead-letters.ts). Import only
 * after applyLocalStackEnv: the handlers read their settings on load.
 */

import { STREAM_PARALLELIZATION, type WorkerName } from '../functions/workers.ts';
import { localDeadLetterFile, parkLocally } from '../scripts/local-stack/dead-letters.ts';
import type { LocalStackInfo } from '../scripts/local-stack/env.ts';
import { type StreamHandler, startStreamPoller } from './stream-poller.ts';

const consumers = async (): Promise<
  { name: WorkerName; filter: unknown; handler: StreamHandler }[]
> => [
  {
    name: 'outbox',
    filter: (await import('#core/entities/outbox')).OUTBOX_STREAM_FILTER,
    handler: (await import('../functions/outbox/handler.ts')).handler,
  },
  {
    name: 'notify',
    filter: (await import('../functions/notify/stream-filter.ts')).NOTIFY_STREAM_FILTER,
    handler: (await import('../functions/notify/handler.ts')).handler,
  },
  {
    name: 'mailer',
    filter: (await import('#core/entities/delivery')).DELIVERY_STREAM_FILTER,
    handler: (await import('../functions/mailer/handler.ts')).handler,
  },
];

export const startWorkers = async (
  stack: Pick<LocalStackInfo, 'tableName' | 'dynamodbEndpoint' | 'region'>,
  log?: (line: string) => void,
  options: { only?: string[]; startAt?: 'latest' | 'trim-horizon' } = {}
) => {
  const pollers = await Promise.all(
    (await consumers())
      .filter(({ name }) => !options.only || options.only.includes(name))
      .map(({ name, filter, handler }) => {
        const deadLetters = localDeadLetterFile(stack.tableName, name);
        return startStreamPoller({
          endpoint: stack.dynamodbEndpoint,
          region: stack.region,
          tableName: stack.tableName,
          filter,
          handler,
          log,
          parallelization: STREAM_PARALLELIZATION[name],
          ...(options.startAt ? { startAt: options.startAt } : {}),
          onDropped: async (pointer) => {
            await parkLocally(deadLetters, name, pointer);
            log?.(`${name}: a stream record failed its last attempt; parked in ${deadLetters}`);
          },
        });
      })
  );
  return { stop: async () => void (await Promise.all(pollers.map((poller) => poller.stop()))) };
};
