import type { DynamoDBRecord } from 'aws-lambda';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { redeliveryOf } from '../../local/stream-poller.ts';

/** Which tasks ran, in order; the task named in `failOnce` fails the first time only. */
const ran: string[] = [];
const failOnce = new Set<string>();

vi.mock('../../functions/outbox/tasks.ts', () => ({
  outboxTaskOf: (item: { task?: unknown }) => item.task,
  runTask: async (_store: unknown, task: { kind: string; to: string }) => {
    ran.push(task.to);
    if (failOnce.delete(task.to)) throw new Error('SES said no');
  },
}));

const { handler } = await import('../../functions/outbox/handler.ts');

const outboxRecord = (sequence: string, to: string): DynamoDBRecord => ({
  eventName: 'INSERT',
  dynamodb: {
    SequenceNumber: sequence,
    NewImage: {
      id: { S: `o-${sequence}` },
      task: { M: { kind: { S: 'mail' }, to: { S: to }, subject: { S: 'Hi' } } },
    },
  },
});

/** The stream as Lambda runs it: a batch, then again from each checkpoint, until all is done. */
const runStream = async (records: DynamoDBRecord[]) => {
  let batch = records.map((record) => ({ record, attempts: 0 }));
  while (batch.length > 0) {
    const { batchItemFailures } = await handler({ Records: batch.map((entry) => entry.record) });
    const failed = new Set(batchItemFailures.map((failure) => failure.itemIdentifier));
    batch = redeliveryOf(batch, failed).again;
  }
};

describe('outbox checkpoints', () => {
  beforeEach(() => {
    ran.length = 0;
    failOnce.clear();
  });

  it('runs each task once when one in the middle fails, and the failed one once more', async () => {
    // Prepare
    failOnce.add('b@x.example');

    // Act
    await runStream([
      outboxRecord('1', 'a@x.example'),
      outboxRecord('2', 'b@x.example'),
      outboxRecord('3', 'c@x.example'),
    ]);

    // Assess
    expect(ran).toEqual(['a@x.example', 'b@x.example', 'b@x.example', 'c@x.example']);
  });

  it('reports the first failure only, and runs nothing after it', async () => {
    // Prepare
    failOnce.add('a@x.example');

    // Act
    const answer = await handler({
      Records: [outboxRecord('1', 'a@x.example'), outboxRecord('2', 'b@x.example')],
    });

    // Assess
    expect(answer.batchItemFailures).toEqual([{ itemIdentifier: '1' }]);
    expect(ran).toEqual(['a@x.example']);
  });
});

describe('redeliveryOf', () => {
  const entry = (sequence: string, attempts = 0) => ({
    record: { dynamodb: { SequenceNumber: sequence } } as DynamoDBRecord,
    attempts,
  });

  it('delivers again from the first failure on, counting an attempt for the failed record only', () => {
    // Act
    const { again, dropped } = redeliveryOf([entry('1'), entry('2'), entry('3')], new Set(['2']));

    // Assess
    expect(again.map((e) => [e.record.dynamodb?.SequenceNumber, e.attempts])).toEqual([
      ['2', 1],
      ['3', 0],
    ]);
    expect(dropped).toEqual([]);
  });

  it('drops a record after its last attempt and goes on with the rest', () => {
    // Act
    const { again, dropped } = redeliveryOf([entry('1', 2), entry('2')], new Set(['1']));

    // Assess
    expect(again.map((e) => e.record.dynamodb?.SequenceNumber)).toEqual(['2']);
    expect(dropped.map((e) => e.record.dynamodb?.SequenceNumber)).toEqual(['1']);
  });
});
