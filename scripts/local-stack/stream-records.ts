/**
 * Stream records as Lambda's DynamoDB event source hands them over, for the
 * local stream poller and for `npm run replay`, which rebuilds a parked
 * batch from the stream.
 */
import type { _Record } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';

/** Lambda event-filter semantics for the subset we use: nested objects, arrays of allowed values. */
export const matchesFilter = (pattern: unknown, value: unknown): boolean => {
  if (Array.isArray(pattern)) return pattern.includes(value as never);
  if (pattern && typeof pattern === 'object') {
    if (!value || typeof value !== 'object') return false;
    return Object.entries(pattern).every(([key, sub]) =>
      matchesFilter(sub, (value as Record<string, unknown>)[key])
    );
  }
  return pattern === value;
};

/** A record as GetRecords answers it, in the shape Lambda hands a stream consumer. */
export const toLambdaRecord = (record: _Record, streamArn: string): DynamoDBRecord => ({
  eventID: record.eventID,
  eventName: record.eventName as DynamoDBRecord['eventName'],
  eventVersion: record.eventVersion,
  eventSource: 'aws:dynamodb',
  awsRegion: record.awsRegion,
  eventSourceARN: streamArn,
  dynamodb: {
    ...record.dynamodb,
    ApproximateCreationDateTime: record.dynamodb?.ApproximateCreationDateTime
      ? record.dynamodb.ApproximateCreationDateTime.getTime() / 1000
      : undefined,
  } as DynamoDBRecord['dynamodb'],
});
