/**
 * Bundle size per function: each entry is built with exactly the esbuild
 * options the CDK uses (lib/constructs/bundling.ts), and its metafile tells
 * which packages landed in it. The bundles stay in bench/.work/ for the cold
 * import measurement.
 */
import { rm, stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { FUNCTION_NAMES } from '../functions/routes.ts';
import { WORKER_FUNCTIONS } from '../functions/workers.ts';
import { handlerEntry, PROJECT_ROOT, toEsbuildOptions } from '../lib/constructs/bundling.ts';
import { BUNDLE_BUDGETS, type BundleKind, MAIL_PARSING_PACKAGES, SES_PACKAGE } from './budgets.ts';
import { formatKb } from './stats.ts';

export type FunctionRole = 'api' | 'worker' | 'inbound';

/**
 * Functions that parse inbound mail (functions/<name>/handler.ts): they get
 * the inbound budget and may bundle mail-parsing libraries.
 */
export const INBOUND_FUNCTIONS: readonly string[] = ['inbound'];

export interface BundleTarget {
  name: string;
  entry: string;
  role: FunctionRole;
}

export interface BuiltBundle {
  name: string;
  /** Absolute path of the built `index.mjs`. */
  file: string;
  bytes: number;
  /** Bytes each package contributes to the output, largest first (`(project)` for our code). */
  packages: { name: string; bytes: number }[];
}

export interface BundleResult {
  name: string;
  role: FunctionRole;
  kind: BundleKind;
  bytes: number;
  maxBytes: number;
  /** Mail-parsing packages found in the bundle. */
  mailParsing: string[];
  topPackages: { name: string; bytes: number }[];
  /** Empty when the bundle is within its budget. */
  problems: string[];
}

export const WORK_DIR = `${PROJECT_ROOT}bench/.work`;
export const BASELINE_ENTRY = `${PROJECT_ROOT}bench/baseline/dynamodb-client.ts`;

export const bundleTargets = (): BundleTarget[] =>
  [...new Set<string>([...FUNCTION_NAMES, ...WORKER_FUNCTIONS, ...INBOUND_FUNCTIONS])].map(
    (name) => ({
      name,
      entry: handlerEntry(name),
      role: INBOUND_FUNCTIONS.includes(name)
        ? 'inbound'
        : (WORKER_FUNCTIONS as readonly string[]).includes(name)
          ? 'worker'
          : 'api',
    })
  );

const PROJECT_CODE = '(project)';

/** `node_modules/@aws-sdk/core/dist-es/x.js` → `@aws-sdk/core`; the innermost node_modules wins. */
export const packageOf = (inputPath: string): string => {
  const parts = inputPath.split('node_modules/');
  if (parts.length < 2) return PROJECT_CODE;
  const rest = (parts.at(-1) ?? '').split('/');
  const scoped = rest[0]?.startsWith('@');
  return (scoped ? rest.slice(0, 2) : rest.slice(0, 1)).join('/');
};

const packageSizes = (output: Metafile['outputs'][string]): { name: string; bytes: number }[] => {
  const sizes = new Map<string, number>();
  for (const [path, input] of Object.entries(output.inputs)) {
    if (input.bytesInOutput === 0) continue;
    const name = packageOf(path);
    sizes.set(name, (sizes.get(name) ?? 0) + input.bytesInOutput);
  }
  return [...sizes].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes);
};

/** Builds `entry` into bench/.work/<name>/index.mjs with the CDK's bundling options. */
export const buildBundle = async (name: string, entry: string): Promise<BuiltBundle> => {
  const outdir = `${WORK_DIR}/${name}`;
  await rm(outdir, { recursive: true, force: true });
  const options = toEsbuildOptions(entry, outdir);
  const result = await build({ ...options, absWorkingDir: PROJECT_ROOT, metafile: true });
  const file = options.outfile ?? `${outdir}/index.mjs`;
  const outputKey = relative(PROJECT_ROOT, file);
  const output = result.metafile.outputs[outputKey];
  if (!output) throw new Error(`esbuild's metafile has no output ${outputKey}`);
  return { name, file, bytes: (await stat(file)).size, packages: packageSizes(output) };
};

const classify = (role: FunctionRole, packages: Set<string>): BundleKind => {
  if (role === 'inbound') return 'inbound';
  return packages.has(SES_PACKAGE) ? 'api-ses' : 'api';
};

export const checkBundle = (target: BundleTarget, built: BuiltBundle): BundleResult => {
  const names = new Set(built.packages.map((p) => p.name));
  const kind = classify(target.role, names);
  const budget = BUNDLE_BUDGETS[kind];
  const mailParsing = MAIL_PARSING_PACKAGES.filter((name) => names.has(name));
  const problems: string[] = [];
  if (built.bytes > budget.maxBytes) {
    problems.push(
      `${target.name}: ${formatKb(built.bytes)} exceeds ${formatKb(budget.maxBytes)} (${budget.label})`
    );
  }
  if (mailParsing.length > 0 && !budget.mayParseMail) {
    problems.push(`${target.name}: bundles mail-parsing packages ${mailParsing.join(', ')}`);
  }
  return {
    name: target.name,
    role: target.role,
    kind,
    bytes: built.bytes,
    maxBytes: budget.maxBytes,
    mailParsing,
    topPackages: built.packages.slice(0, 6),
    problems,
  };
};

export interface BundlesOutcome {
  results: BundleResult[];
  /** The built files, by function name, for the cold import step. */
  files: Map<string, string>;
  baseline: BuiltBundle;
}

/** Builds the DynamoDB-client-only baseline and every function, one after the other. */
export const measureBundles = async (): Promise<BundlesOutcome> => {
  const baseline = await buildBundle('baseline', BASELINE_ENTRY);
  const results: BundleResult[] = [];
  const files = new Map<string, string>();
  for (const target of bundleTargets()) {
    const built = await buildBundle(target.name, target.entry);
    files.set(target.name, built.file);
    results.push(checkBundle(target, built));
  }
  return { results, files, baseline };
};
