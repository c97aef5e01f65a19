/**
 * `npm run lock:platforms`: the npm registry this project installs from does
 * not carry every platform build of Biome's CLI, so `npm install` leaves
 * those optional packages out of package-lock.json and `npm ci` then refuses
 * the lockfile. This adds a lock entry (never installed here: wrong os/cpu)
 * for each missing `@biomejs/cli-<os>-<cpu>[-musl]` package. Run it after
 * any `npm install`; test/unit/lockfile.test.ts fails until it has run.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);

interface LockEntry {
  version?: string;
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
}

/** Platform packages named as optional dependencies that have no lock entry. */
export const missingOptionalEntries = (packages: Record<string, LockEntry>): string[] =>
  Object.values(packages).flatMap((entry) =>
    Object.keys(entry.optionalDependencies ?? {}).filter(
      (name) => platformOf(name) !== undefined && !packages[`node_modules/${name}`]
    )
  );

function platformOf(name: string) {
  const match = /^@biomejs\/cli-(\w+)-(\w+?)(-musl)?$/.exec(name);
  if (!match) return undefined;
  const [, os = '', cpu = '', musl] = match;
  return { os, cpu, libc: os === 'linux' ? (musl ? 'musl' : 'glibc') : undefined };
}

const main = () => {
  const lock = JSON.parse(readFileSync(LOCK, 'utf8')) as { packages: Record<string, LockEntry> };
  const added: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
      const platform = platformOf(name);
      if (lock.packages[`node_modules/${name}`] || !platform) continue;
      lock.packages[`node_modules/${name}`] = {
        version,
        cpu: [platform.cpu],
        dev: lock.packages[path]?.dev ?? true,
        ...(platform.libc ? { libc: [platform.libc] } : {}),
        optional: true,
        os: [platform.os],
      };
      added.push(name);
    }
  }
  writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(added.length ? `added ${added.join(', ')}` : 'lockfile already complete');
};

if (import.meta.url === `file://${process.argv[1]}`) main();
