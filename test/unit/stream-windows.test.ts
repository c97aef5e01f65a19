import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { inWindows } from '#core/platform/stream-batch';

const records = (count: number): DynamoDBRecord[] =>
  Array.from({ length: count }, (_, index) => ({
    dynamodb: { SequenceNumber: String(index + 1), NewImage: marshall({ n: index + 1 }) as never },
  }));

describe('inWindows', () => {
  it('reports the first failed record of its window and runs no later window', async () => {
    // Prepare
    const ran: number[] = [];

    // Act
    const result = await inWindows(records(7), 3, async (item) => {
      ran.push(item.n as number);
      if (item.n === 5 || item.n === 6) throw new Error('fails');
    });

    // Assess
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: '5' }]);
    expect(ran.sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('reports nothing when every record ran', async () => {
    // Act
    const result = await inWindows(records(4), 3, async () => undefined);

    // Assess
    expect(result.batchItemFailures).toEqual([]);
  });
});
