/**
 * SDK clients for tooling (stack set-up, seeding, tests) that talk to the
 * emulators directly, whatever the process environment says.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LOCAL_CREDENTIALS, type LocalStackInfo } from './env.ts';

type Endpoints = Pick<LocalStackInfo, 'region'> &
  Partial<Pick<LocalStackInfo, 'dynamodbEndpoint' | 'cognitoEndpoint' | 'sesEndpoint'>>;

const need = (value: string | undefined, what: string): string => {
  if (!value) throw new Error(`${what} is not known yet`);
  return value;
};

export const createDynamoDbClient = (stack: Endpoints): DynamoDBClient =>
  new DynamoDBClient({
    region: stack.region,
    endpoint: need(stack.dynamodbEndpoint, 'the DynamoDB endpoint'),
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });

/** A document client on that DynamoDB, marshalling as the functions' own client does. */
export const createDocumentClient = (stack: Endpoints): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(createDynamoDbClient(stack), {
    marshallOptions: { removeUndefinedValues: true },
  });

/** `maxAttempts: 1`: cognito-local answers unsupported calls with a 500 the SDK would retry. */
export const createCognitoClient = (stack: Endpoints): CognitoIdentityProviderClient =>
  new CognitoIdentityProviderClient({
    region: stack.region,
    endpoint: need(stack.cognitoEndpoint, 'the Cognito endpoint'),
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });

export const createSesClient = (stack: Endpoints): SESv2Client =>
  new SESv2Client({
    region: stack.region,
    endpoint: need(stack.sesEndpoint, 'the SES endpoint'),
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });
