/**
 * Loaded into cognito-local's process (`node --import`). The emulator keeps
 * each pool, and the app clients of all pools, in one JSON file that every
 * change rewrites whole (stormdb's file engine, fs.writeFile: truncate, then
 * write). Two changes to one file at once (two app clients created
 * together) interleave into one save followed by the tail of the other, and
 * a stop mid-write leaves a cut file; the next start over that data
 * (`--persist`) then dies on it. Here the saves of one file run one after
 * another, each written beside it and renamed over it, so the file on disk
 * is always one whole save, the latest finished.
 */
import { rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

interface FileEngine {
  path: string;
  async: boolean;
  serialize(data: unknown): string;
  write(data: unknown): Promise<void> | null;
}

const require = createRequire(import.meta.url);
// stormdb as cognito-local itself resolves it, so the class patched is the one it uses.
const fromCognito = createRequire(require.resolve('cognito-local'));
const { localFileEngine } = fromCognito('stormdb') as {
  localFileEngine: { prototype: FileEngine };
};

/** Not `.json`: cognito-local loads every `.json` file there as a pool. */
const TEMPORARY_SUFFIX = '.tmp';

const queues = new Map<string, Promise<void>>();
const writeNow = localFileEngine.prototype.write;

localFileEngine.prototype.write = function (data) {
  if (!this.async) return writeNow.call(this, data);
  const path = this.path;
  // Serialised at the call, as the original does: a later call saves later state.
  const text = this.serialize(data);
  const save = (queues.get(path) ?? Promise.resolve()).then(async () => {
    const temporary = `${path}${TEMPORARY_SUFFIX}`;
    await writeFile(temporary, text);
    await rename(temporary, path);
  });
  // A failed save fails its own request only; the next one still runs.
  const done: Promise<void> = save.then(forget, forget);
  function forget() {
    if (queues.get(path) === done) queues.delete(path);
  }
  queues.set(path, done);
  return save;
};
