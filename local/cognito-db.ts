/**
 * cognito-local's state on disk: `.cognito/config.json` (written by the
 * stack) and `.cognito/db/*.json`, one file per pool plus `clients.json`
 * with every pool's app clients. Its saves are whole and one at a time
 * (local/cognito-db-writes.ts), but data persisted before that, or edited
 * by hand, can still be broken; the emulator then exits at start-up with a
 * stack trace that names no file. Checked here first instead.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LocalStackError } from './errors.ts';

const jsonFilesUnder = async (dir: string): Promise<string[]> => {
  try {
    return (await readdir(dir, { recursive: true }))
      .map(String)
      .filter((name) => name.endsWith('.json'))
      .map((name) => join(dir, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
};

/** Why `text` does not load as the emulator loads it (empty reads as `{}`), or undefined. */
const jsonProblem = (text: string): string | undefined => {
  if (text === '') return undefined;
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

/**
 * Throws one line naming the first db file under `stateDir` that does not
 * parse, and what deleting it costs. Not worth a retry: it fails the same.
 */
export const checkCognitoDb = async (stateDir: string): Promise<void> => {
  for (const file of await jsonFilesUnder(join(stateDir, '.cognito', 'db'))) {
    const problem = jsonProblem(await readFile(file, 'utf8'));
    if (problem === undefined) continue;
    throw new LocalStackError(
      `cognito-local cannot load ${file}, which is not whole JSON (${problem}); ` +
        `delete it (for clients.json the stack then creates new app clients; a pool file takes its pool and users with it) ` +
        `or delete the persisted data to start afresh`
    );
  }
};

/**
 * Waits (up to 3 s) until every JSON file under `dir` parses and none
 * changed for a moment, so a stop right after a change keeps it.
 */
export const cognitoStateSettled = async (dir: string): Promise<void> => {
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline) {
    const states = await Promise.all(
      (await jsonFilesUnder(dir)).map(async (file) => {
        const [text, info] = await Promise.all([
          readFile(file, 'utf8').catch(() => ''),
          stat(file).catch(() => undefined),
        ]);
        return {
          valid: jsonProblem(text) === undefined,
          quietMs: info ? Date.now() - info.mtimeMs : 1000,
        };
      })
    );
    if (states.every((state) => state.valid && state.quietMs > 300)) return;
    await sleep(50);
  }
};
