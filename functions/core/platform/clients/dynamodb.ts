/**
 * The one DynamoDB document client of a function, created at module scope so
 * warm invocations reuse its connections.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { readTableConfig } from '../config.ts';

const config = readTableConfig();

export const tableName = config.tableName;

export const dynamo = DynamoDBDocumentClient.from(
  new DynamoDBClient({ region: config.region, endpoint: config.endpoint, maxAttempts: 3 }),
  { marshallOptions: { removeUndefinedValues: true } }
);
