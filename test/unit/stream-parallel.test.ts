/**
 * The local poller's split of a poll into parallel batches, as Lambda's
 * ParallelizationFactor does: every record once, one partition key's
 * records in one batch and in stream order, at most `groups` batches.
 */
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { byPartitionKey } from '../../local/stream-poller.ts';

const entry = (pk: string, sequence: number) => ({
  record: {
    dynamodb: { Keys: { pk: { S: pk }, sk: { S: 'X' } }, SequenceNumber: String(sequence) },
  } as DynamoDBRecord,
});

const batch = Array.from({ length: 200 }, (_, index) => entry(`ACCOUNT#${index % 37}`, index));
const sequences = (group: { record: DynamoDBRecord }[]) =>
  group.map(({ record }) => Number(record.dynamodb?.SequenceNumber));

describe('byPartitionKey', () => {
  it('keeps every record once and each key’s records in one batch, in stream order', () => {
    // Act
    const groups = byPartitionKey(batch, 4);

    // Assess
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.length).toBeLessThanOrEqual(4);
    expect(sequences(groups.flat()).sort((a, b) => a - b)).toEqual(sequences(batch));
    for (const group of groups) {
      const ordered = sequences(group);
      expect(ordered).toEqual([...ordered].sort((a, b) => a - b));
    }
    const keysOf = groups.map(
      (group) => new Set(group.map(({ record }) => record.dynamodb?.Keys?.pk?.S))
    );
    for (const [index, keys] of keysOf.entries())
      for (const other of keysOf.slice(index + 1))
        expect([...keys].filter((key) => other.has(key))).toEqual([]);
  });

  it('leaves the poll whole with a factor of one', () => {
    // Act
    const groups = byPartitionKey(batch, 1);

    // Assess
    expect(groups).toEqual([batch]);
  });
});
