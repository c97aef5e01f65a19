/**
 * The cold import baseline: a bundle holding only the DynamoDB document
 * client, configured like functions/core/platform/clients/dynamodb.ts. A function
 * bundle's import time is judged against this one's.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const dynamo = DynamoDBDocumentClient.from(
  new DynamoDBClient({ region: 'eu-west-1', maxAttempts: 3 }),
  { marshallOptions: { removeUndefinedValues: true } }
);
