/**
 * While `npm start` runs, where its stack lives (endpoints, table, pool
 * ids: nothing secret) sits in a file per API port, so local tools such as
 * `npm run staff` find it with no flags. Removed when the stack stops.
 */
import { rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalStackInfo } from './env.ts';

export const runningStackFile = (apiPort: number) =>
  join(tmpdir(), `portico-local-stack-${apiPort}.json`);

/** Only the serialisable coordinates are written, never a running stack's methods. */
const coordinates = (stack: LocalStackInfo): LocalStackInfo => ({
  region: stack.region,
  tableName: stack.tableName,
  dynamodbEndpoint: stack.dynamodbEndpoint,
  cognitoEndpoint: stack.cognitoEndpoint,
  sesEndpoint: stack.sesEndpoint,
  s3Endpoint: stack.s3Endpoint,
  invoiceBucket: stack.invoiceBucket,
  mailBucket: stack.mailBucket,
  userPoolId: stack.userPoolId,
  userPoolClientId: stack.userPoolClientId,
  issuer: stack.issuer,
  jwksUri: stack.jwksUri,
  staffUserPoolId: stack.staffUserPoolId,
  staffUserPoolClientId: stack.staffUserPoolClientId,
  staffIssuer: stack.staffIssuer,
  staffJwksUri: stack.staffJwksUri,
});

export const writeRunningStack = async (apiPort: number, stack: LocalStackInfo) => {
  const file = runningStackFile(apiPort);
  await writeFile(file, `${JSON.stringify(coordinates(stack))}\n`);
  process.once('exit', () => rmSync(file, { force: true }));
};

export const readRunningStack = async (apiPort: number): Promise<LocalStackInfo | undefined> => {
  try {
    return JSON.parse(await readFile(runningStackFile(apiPort), 'utf8')) as LocalStackInfo;
  } catch {
    return undefined;
  }
};
