/**
 * The notify and mailer stream consumers in a process of their own, so the
 * fan-out bench can kill them mid-way (SIGKILL: no clean stop) and start
 * them again. The parent passes the function environment; argv[2] is
 * where the pollers start reading (`latest`, or `trim-horizon` for a
 * consumer that lost its checkpoint). Prints `ready` once polling.
 */
import { startWorkers } from '../local/workers.ts';

const startAt = process.argv[2] === 'trim-horizon' ? 'trim-horizon' : 'latest';

await startWorkers(
  {
    tableName: process.env.TABLE_NAME ?? '',
    dynamodbEndpoint: process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '',
    region: process.env.AWS_REGION ?? '',
  },
  (line) => process.stderr.write(`workers: ${line}\n`),
  { only: ['notify', 'mailer'], startAt }
);
process.stdout.write('ready\n');
