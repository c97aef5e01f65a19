/** cognito-local's db files on disk: whole after concurrent changes, and a broken one named at start. */

import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ListUserPoolClientsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { startCognito } from '../../local/emulators.ts';
import { LocalStackError } from '../../local/errors.ts';
import { findFreePort } from '../../local/ports.ts';
import { DEFAULT_START_TIMEOUT_MS, startLocalStack } from '../../local/stack.ts';
import { createCognitoClient } from '../../scripts/local-stack/clients.ts';
import { LOCAL_REGION } from '../../scripts/local-stack/env.ts';

/** Nothing is sent there: no trigger or mail in these tests. */
const NO_HOOKS = 'http://127.0.0.1:9';
/** Without ordered, whole saves about one round in ten left clients.json broken. */
const POOLS = ['one', 'two', 'three'];
const ROUNDS = 30;
const AT_ONCE = 6;

const startOn = async (stateDir: string) =>
  startCognito({
    port: await findFreePort(),
    stateDir,
    hooksEndpoint: NO_HOOKS,
    timeoutMs: DEFAULT_START_TIMEOUT_MS,
  });

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('cognito-local db files', () => {
  it(
    'app clients created at once leave clients.json whole after every change, and all load after a restart',
    async () => {
      // Prepare
      const stateDir = await mkdtemp(join(tmpdir(), 'portico-cognito-db-'));
      const clientsFile = join(stateDir, '.cognito', 'db', 'clients.json');
      const first = await startOn(stateDir);
      const cognito = createCognitoClient({
        region: LOCAL_REGION,
        cognitoEndpoint: first.endpoint,
      });
      const pools: string[] = [];
      for (const name of POOLS) {
        const created = await cognito.send(new CreateUserPoolCommand({ PoolName: name }));
        pools.push(created.UserPool?.Id ?? '');
      }

      // Act
      const broken: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        await Promise.all(
          Array.from({ length: AT_ONCE }, (_, n) =>
            cognito.send(
              new CreateUserPoolClientCommand({
                UserPoolId: pools[n % pools.length],
                ClientName: `client-${round}-${n}`,
              })
            )
          )
        );
        if (!parses(await readFile(clientsFile, 'utf8'))) broken.push(round);
      }
      cognito.destroy();
      await first.process.stop();
      const second = await startOn(stateDir);
      const again = createCognitoClient({ region: LOCAL_REGION, cognitoEndpoint: second.endpoint });
      const listed = await Promise.all(
        pools.map((UserPoolId) =>
          again.send(new ListUserPoolClientsCommand({ UserPoolId, MaxResults: 60 }))
        )
      );
      again.destroy();
      await second.process.stop();
      const leftovers = await readdir(join(stateDir, '.cognito', 'db'));
      await rm(stateDir, { recursive: true, force: true });

      // Assess
      expect(broken).toEqual([]);
      expect(listed.map((page) => page.UserPoolClients?.length)).toEqual(
        POOLS.map(() => (ROUNDS * AT_ONCE) / POOLS.length)
      );
      expect(leftovers.filter((name) => !name.endsWith('.json'))).toEqual([]);
    },
    4 * DEFAULT_START_TIMEOUT_MS
  );

  it(
    'a persisted db file cut mid-write refuses the start at once with one line naming it and what to do',
    async () => {
      // Prepare
      const persistDir = await mkdtemp(join(tmpdir(), 'portico-persist-cut-'));
      const dbDir = join(persistDir, 'cognito', '.cognito', 'db');
      await mkdir(dbDir, { recursive: true });
      const cut = join(dbDir, 'clients.json');
      await writeFile(cut, '{\n  "Clients": {\n    "abc": {\n      "UserPoolId": "loc');
      const warnings: string[] = [];

      // Act
      const start = startLocalStack({ persistDir, warn: (line) => warnings.push(line) });
      const failure = await start.then(
        (stack) => stack.stop(),
        (error: unknown) => error
      );
      await rm(persistDir, { recursive: true, force: true });

      // Assess
      expect(failure).toBeInstanceOf(LocalStackError);
      expect((failure as LocalStackError).retryable).toBe(false);
      expect((failure as Error).message).toContain(`cognito-local cannot load ${cut}`);
      expect((failure as Error).message).toContain('delete it');
      expect(warnings.filter((line) => line.includes('cognito-local'))).toEqual([]);
    },
    2 * DEFAULT_START_TIMEOUT_MS
  );
});
