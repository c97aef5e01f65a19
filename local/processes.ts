/**
 * Emulator child processes. Each runs in its own process group (spawned
 * with `detached: true`), so stopping kills the whole group, including any
 * process it started. Three layers make sure nothing outlives the parent:
 * stop() (orderly), a synchronous 'exit' hook (process.exit, signals handled
 * by the caller) and a tiny reaper process that kills the groups when the
 * parent dies without running either (SIGKILL, crash of a test runner).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { LocalStackError } from './errors.ts';

const TAIL_LINES = 30;
const STOP_GRACE_MS = 3000;

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  /** Rejects if the process exits before stop() was called; use it to abort readiness waits. */
  readonly unexpectedExit: Promise<never>;
  /** The last lines the process printed (ANSI colours removed), for error messages. */
  outputTail(): string;
  stop(): Promise<void>;
}

/** Environment for emulator children: no loader flags from tsx or vitest. */
export const childEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => {
  const { NODE_OPTIONS: _ignored, ...rest } = process.env;
  return { ...rest, ...extra };
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escape sequences is the point
const ANSI = /\u001b\[[0-9;]*m/g;

const liveGroups = new Set<number>();
const tempDirs = new Set<string>();
let reaper: ChildProcess | undefined;

const REAPER_SCRIPT = `
const groups = new Set();
process.on('message', (m) => { if (m.add) groups.add(m.add); if (m.remove) groups.delete(m.remove); });
process.on('disconnect', () => {
  for (const g of groups) { try { process.kill(-g, 'SIGKILL'); } catch {} }
  process.exit(0);
});`;

const tellReaper = (message: { add?: number; remove?: number }): void => {
  if (!reaper?.connected) {
    reaper = spawn(process.execPath, ['-e', REAPER_SCRIPT], {
      detached: true,
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      env: childEnv({}),
    });
    // Neither the reaper nor its channel may keep the parent alive.
    reaper.unref();
    reaper.channel?.unref();
  }
  reaper.send(message);
};

const killGroup = (pid: number, signal: NodeJS.Signals): void => {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
};

let exitHookInstalled = false;
const installExitHook = (): void => {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' handlers must be synchronous; process.kill is.
  process.on('exit', () => {
    for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });
};

/**
 * Removes a temporary directory when the process exits, should stop() never
 * get to it (process.exit after Ctrl-C in a test runner). Returns a function
 * that removes it now and forgets it.
 */
export const removeOnExit = (dir: string): (() => void) => {
  installExitHook();
  tempDirs.add(dir);
  return () => {
    rmSync(dir, { recursive: true, force: true });
    tempDirs.delete(dir);
  };
};

/**
 * Takes charge of a child spawned with `detached: true` and piped stdout and
 * stderr: drains its output (a full pipe would block it), remembers the tail
 * and registers its group for cleanup.
 */
export const manageProcess = (
  name: string,
  child: ChildProcess,
  onLine?: (line: string) => void
): ManagedProcess => {
  // A spawn failure (ENOENT, EACCES) arrives as an 'error' event; unhandled it would crash us.
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });
  const pid = child.pid;
  if (pid === undefined) throw new LocalStackError(`could not start ${name}`);
  installExitHook();
  liveGroups.add(pid);
  tellReaper({ add: pid });

  const tail: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const raw of chunk.toString('utf8').split(/\r?\n/)) {
      const line = raw.replace(ANSI, '').trimEnd();
      if (!line) continue;
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
      onLine?.(`[${name}] ${line}`);
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  let stopping = false;
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const unexpectedExit = new Promise<never>((_resolve, reject) => {
    void exited.then(() => {
      if (stopping) return;
      reject(
        new LocalStackError(
          `${name} exited during start-up: ${spawnError?.message ?? tail.at(-1) ?? 'no output'} (run with --verbose to see its output)`,
          { retryable: true }
        )
      );
    });
  });
  // Nobody may be awaiting it; keep an unhandled rejection from crashing the parent.
  unexpectedExit.catch(() => undefined);

  const forget = () => {
    liveGroups.delete(pid);
    if (reaper?.connected) {
      reaper.send({ remove: pid });
      if (liveGroups.size === 0) reaper.disconnect();
    }
  };

  return {
    name,
    pid,
    unexpectedExit,
    outputTail: () => tail.join('\n'),
    stop: async () => {
      stopping = true;
      killGroup(pid, 'SIGTERM');
      const graceful = await Promise.race([
        exited.then(() => true),
        sleep(STOP_GRACE_MS).then(() => false),
      ]);
      // The leader may be gone while something it started still runs: SIGKILL the group either way.
      killGroup(pid, 'SIGKILL');
      if (!graceful) await exited;
      forget();
    },
  };
};

/** Spawns a Node.js script as an emulator in its own process group. */
export const spawnNodeEmulator = (
  name: string,
  script: string,
  options: { args?: string[]; nodeArgs?: string[]; cwd: string; env: Record<string, string> },
  onLine?: (line: string) => void
): ManagedProcess => {
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), script, ...(options.args ?? [])],
    {
      cwd: options.cwd,
      env: childEnv(options.env),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    }
  );
  return manageProcess(name, child, onLine);
};

/** Stops several processes at once; never throws, so every one gets its turn. */
export const stopAll = async (processes: ManagedProcess[]): Promise<void> => {
  await Promise.allSettled(processes.map((p) => p.stop()));
};

const MIN_JAVA = 17;

/**
 * DynamoDB Local's jar is built for Java 17 (class file version 61). Returns
 * the version line, or throws one readable line when java is missing or old.
 */
export const checkJava = (command = 'java'): string => {
  const result = spawnSync(command, ['-version'], { encoding: 'utf8', timeout: 15_000 });
  if (result.error) {
    if ((result.error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new LocalStackError(
        `DynamoDB Local needs Java ${MIN_JAVA}+, but '${command}' is not on PATH; install a JRE (e.g. apt-get install openjdk-17-jre-headless)`
      );
    }
    throw new LocalStackError(`could not run '${command} -version': ${result.error.message}`);
  }
  const output = `${result.stderr}${result.stdout}`;
  const firstLine = output.split('\n')[0]?.trim() ?? '';
  if (result.status !== 0) {
    throw new LocalStackError(
      `'${command} -version' failed: ${firstLine || `exit ${result.status}`}`
    );
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  const major = match ? Number(match[1] === '1' ? match[2] : match[1]) : undefined;
  if (major !== undefined && major < MIN_JAVA) {
    throw new LocalStackError(
      `DynamoDB Local needs Java ${MIN_JAVA}+, but '${command}' is Java ${major}; install a newer JRE or put it first on PATH`
    );
  }
  return firstLine;
};
