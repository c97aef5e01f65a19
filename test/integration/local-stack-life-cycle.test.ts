/** Stopping and restarting the local stack, and how it refuses to start. */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { passwordPolicyProblems } from '#core/access/passwords';
import { dynamoTableStore, type TableStore } from '#core/table/store';
import { LocalStackError } from '../../local/errors.ts';
import { findFreePort } from '../../local/ports.ts';
import { checkJava } from '../../local/processes.ts';
import { DEFAULT_START_TIMEOUT_MS, resolvePort, startLocalStack } from '../../local/stack.ts';
import { RETRY_PAUSE_MS } from '../../local/start-retry.ts';
import {
  createCognitoClient,
  createDocumentClient,
  createDynamoDbClient,
} from '../../scripts/local-stack/clients.ts';
import { ensureStaffLogin, signInStaff } from '../../scripts/local-stack/staff-logins.ts';
import { TEST_LOGIN_PASSWORD } from '../support/local-stack.ts';

/**
 * Two start-ups, each allowed one retry per emulator (what start-retry.ts
 * permits on a busy machine), plus a minute for the seed and sign-ins: a
 * budget below that failed a stress run while the stack did what it should.
 */
const TWO_START_UPS_MS = 2 * (2 * DEFAULT_START_TIMEOUT_MS + RETRY_PAUSE_MS) + 60_000;

describe('local stack life cycle', () => {
  it(
    'stops every emulator, frees its ports and finds persisted data again',
    async () => {
      // Prepare
      const persistDir = await mkdtemp(join(tmpdir(), 'portico-persist-'));
      const first = await startLocalStack({ persistDir });
      const dynamo = createDynamoDbClient(first);
      const item = { pk: { S: 'TEST#persist' }, sk: { S: 'TEST' } };
      await dynamo.send(new PutItemCommand({ TableName: first.tableName, Item: item }));
      dynamo.destroy();
      const person = {
        username: 'persist@staff.example',
        email: 'persist@staff.example',
        firstName: 'Per',
        lastName: 'Sist',
      };
      const staffBefore = await withCognito(first, (cognito) =>
        withStaffTable(first, (table) =>
          ensureStaffLogin(cognito, first, person, TEST_LOGIN_PASSWORD, table)
        )
      );
      const ports = [
        first.dynamodbEndpoint,
        first.cognitoEndpoint,
        first.sesEndpoint,
        first.s3Endpoint,
      ].map((url) => Number(new URL(url).port));

      // Act
      await first.stop();
      const freed = await Promise.all(ports.map((port) => canListen(port)));
      const second = await startLocalStack({ persistDir });
      const again = createDynamoDbClient(second);
      const found = await again.send(
        new GetItemCommand({ TableName: second.tableName, Key: item })
      );
      again.destroy();
      // The TOTP secret is not persisted: the seed gives a persisted staff login a new device.
      const staffAfter = await withCognito(second, (cognito) =>
        withStaffTable(second, (table) =>
          ensureStaffLogin(cognito, second, person, TEST_LOGIN_PASSWORD, table)
        )
      );
      const signedIn = await withCognito(second, (cognito) =>
        signInStaff(cognito, second.staffUserPoolClientId, {
          ...staffAfter,
          password: TEST_LOGIN_PASSWORD,
        })
      );
      await second.stop();
      await rm(persistDir, { recursive: true, force: true });

      // Assess
      expect(freed).toEqual([true, true, true, true]);
      expect(second.userPoolId).toBe(first.userPoolId);
      expect(second.userPoolClientId).toBe(first.userPoolClientId);
      expect(second.staffUserPoolId).toBe(first.staffUserPoolId);
      expect(second.staffUserPoolClientId).toBe(first.staffUserPoolClientId);
      expect(found.Item).toEqual(item);
      expect(staffAfter).toMatchObject({ created: false, staffId: staffBefore.staffId });
      expect(staffAfter.totpSecret).not.toBe(staffBefore.totpSecret);
      expect(signedIn.AccessToken).toEqual(expect.any(String));
    },
    TWO_START_UPS_MS
  );

  it('refuses a busy port with one line naming the setting that moves it', async () => {
    // Prepare
    const port = await findFreePort();
    const blocker = createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));

    // Act
    const refusal = resolvePort('cognito', port);

    // Assess
    await expect(refusal).rejects.toThrow(LocalStackError);
    await expect(refusal).rejects.toThrow(
      `port ${port} (cognito-local) is in use; set COGNITO_PORT`
    );
    blocker.close();
  });

  it('refuses to start without java, saying what to install', () => {
    // Act
    const check = () => checkJava('java-that-is-not-installed');

    // Assess
    expect(check).toThrow(LocalStackError);
    expect(check).toThrow(/needs Java 17\+.*not on PATH/);
  });

  it('accepts the default demo password and names what a weak one lacks', () => {
    // Act
    const strong = passwordPolicyProblems('Portico-Demo-2026!');
    const weak = passwordPolicyProblems('short');

    // Assess
    expect(strong).toEqual([]);
    expect(weak).toEqual(expect.arrayContaining(['an uppercase letter', 'a digit', 'a symbol']));
  });
});

const withCognito = async <T>(
  stack: Parameters<typeof createCognitoClient>[0],
  use: (cognito: ReturnType<typeof createCognitoClient>) => Promise<T>
): Promise<T> => {
  const cognito = createCognitoClient(stack);
  try {
    return await use(cognito);
  } finally {
    cognito.destroy();
  }
};

/** The stack's table for staff items, with a client closed after `use`. */
const withStaffTable = async <T>(
  stack: Parameters<typeof createDocumentClient>[0] & { tableName: string },
  use: (table: TableStore) => Promise<T>
): Promise<T> => {
  const dynamo = createDocumentClient(stack);
  try {
    return await use(dynamoTableStore(dynamo, stack.tableName));
  } finally {
    dynamo.destroy();
  }
};

const canListen = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
