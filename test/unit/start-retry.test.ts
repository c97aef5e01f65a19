import { describe, expect, it } from 'vitest';
import { LocalStackError } from '../../local/errors.ts';
import { startWithOneRetry } from '../../local/start-retry.ts';

/** Ports handed out in order, as findFreePort would on each call. */
const portsFrom = (first: number) => {
  let next = first;
  return async () => next++;
};

describe('startWithOneRetry', () => {
  it('starts once when the first attempt works', async () => {
    // Prepare
    const tried: number[] = [];
    const lines: string[] = [];

    // Act
    const result = await startWithOneRetry({
      what: 'cognito-local',
      choosePort: portsFrom(4000),
      start: async (port) => {
        tried.push(port);
        return `up on ${port}`;
      },
      log: (line) => lines.push(line),
      pauseMs: 0,
    });

    // Assess
    expect(result).toBe('up on 4000');
    expect(tried).toEqual([4000]);
    expect(lines).toEqual([]);
  });

  it('logs the cause of a chance failure and tries once more on a newly chosen port', async () => {
    // Prepare
    const tried: number[] = [];
    const lines: string[] = [];

    // Act
    const result = await startWithOneRetry({
      what: 'aws-ses-v2-local',
      choosePort: portsFrom(5000),
      start: async (port) => {
        tried.push(port);
        if (port === 5000)
          throw new LocalStackError('ses exited during start-up: EADDRINUSE', { retryable: true });
        return port;
      },
      log: (line) => lines.push(line),
      pauseMs: 0,
    });

    // Assess
    expect(result).toBe(5001);
    expect(tried).toEqual([5000, 5001]);
    expect(lines).toEqual([
      'aws-ses-v2-local failed to start (ses exited during start-up: EADDRINUSE); trying once more',
    ]);
  });

  it('gives the second failure as the answer: no endless retries', async () => {
    // Prepare
    let attempts = 0;

    // Act
    const start = startWithOneRetry({
      what: 'DynamoDB Local',
      choosePort: portsFrom(6000),
      start: async (port) => {
        attempts += 1;
        throw new LocalStackError(`not ready on ${port}`, { retryable: true });
      },
      log: () => undefined,
      pauseMs: 0,
    });

    // Assess
    await expect(start).rejects.toThrow('not ready on 6001');
    expect(attempts).toBe(2);
  });

  it('does not retry what would fail the same way again (a busy fixed port, a bug)', async () => {
    // Prepare
    let attempts = 0;
    const busy = new LocalStackError('port 8000 (DynamoDB Local) is in use; set DYNAMODB_PORT');

    // Act
    const start = startWithOneRetry({
      what: 'DynamoDB Local',
      choosePort: portsFrom(7000),
      start: async () => {
        attempts += 1;
        throw busy;
      },
      log: () => undefined,
      pauseMs: 0,
    });

    // Assess
    await expect(start).rejects.toBe(busy);
    expect(attempts).toBe(1);
  });
});
